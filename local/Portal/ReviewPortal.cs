using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

using ContinuousImprovement.Core.Ports;
using ContinuousImprovement.Core.Review;
using ContinuousImprovement.Core.Storage;
using ContinuousImprovement.Core.Text;
using ContinuousImprovement.Local.Adapters;

using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace ContinuousImprovement.Local.Portal;

/// <summary>
/// The twin's review portal: a small web server on 127.0.0.1 where a person answers the twin's open human loops
/// in the same worker task template A2I shows, and whose answers land in the bucket as A2I's output documents,
/// so the review-filing workflow cannot tell the two apart.
/// </summary>
/// <remarks>
/// Routes (all need the token, see <see cref="SignInUrl"/>): <c>GET /</c> lists the open loops, oldest first;
/// <c>GET /loops/{name}</c> renders the template for one loop; <c>POST /loops/{name}</c> takes
/// <c>{"answerContent":{...}}</c> (JSON, at most 64 KiB), completes the loop exactly once and writes
/// <c>review_output/&lt;flow&gt;/&lt;yyyy&gt;/&lt;MM&gt;/&lt;dd&gt;/&lt;HH&gt;/&lt;mm&gt;/&lt;ss&gt;/&lt;loop&gt;/output.json</c>;
/// <c>GET /objects/{file}?bucket&amp;key&amp;expires&amp;signature</c> serves an image a page was granted;
/// <c>GET /crowd-html-elements.js</c> is the local stand-in for A2I's crowd elements.
/// </remarks>
public sealed class ReviewPortal : IAsyncDisposable
{
    /// <summary>The largest submission body accepted.</summary>
    public const int MaxSubmissionBytes = 64 * 1024;

    private const string PageSecurityPolicy =
        "default-src 'self'; img-src 'self' data: https:; style-src 'self' 'unsafe-inline'; script-src 'self' 'unsafe-inline'; "
        + "connect-src 'self'; frame-ancestors 'none'; form-action 'self'; base-uri 'none'";

    private static readonly string[] ImageTypes = ["image/png", "image/jpeg", "image/gif", "image/webp", "image/bmp", "image/avif"];

    private readonly WebApplication app;
    private readonly ReviewPortalOptions options;
    private readonly ObjectGrants grants;
    private readonly WorkerTemplate template;
    private readonly LoopAnswering answering;

    // When each loop's page was last shown: the answer's acceptanceTime, as A2I records when a worker took the task.
    private readonly ConcurrentDictionary<string, DateTimeOffset> shownAt = new(StringComparer.Ordinal);

    private ReviewPortal(WebApplication app, ReviewPortalOptions options, string token, ObjectGrants grants, WorkerTemplate template, LoopAnswering answering)
    {
        this.app = app;
        this.options = options;
        this.grants = grants;
        this.template = template;
        this.answering = answering;
        Token = token;
    }

    /// <summary>Where the portal listens, e.g. <c>http://127.0.0.1:5123/</c>.</summary>
    public Uri BaseUrl { get; private set; } = null!;

    /// <summary>The token every request must present (once in the query string, then as a cookie).</summary>
    public string Token { get; }

    /// <summary>The link to give the reviewer: <c>http://127.0.0.1:&lt;port&gt;/?token=...</c>.</summary>
    public Uri SignInUrl => new(BaseUrl, "/?" + PortalAccess.QueryName + "=" + Token);

    /// <summary>
    /// Checks the options, loads the template, starts listening and retries outputs a previous run could not
    /// write. Bad options or an unusable template throw before anything listens.
    /// </summary>
    public static async Task<ReviewPortal> StartAsync(ReviewPortalOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        Check(options);
        var token = options.Token ?? RandomNumberGenerator.GetHexString(32, lowercase: true);
        var grants = new ObjectGrants(options.Bucket, options.Time);
        var template = WorkerTemplate.Load(options.TemplatePath ?? RepositoryFiles.DefaultTemplatePath(), grants);

        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            ApplicationName = typeof(ReviewPortal).Assembly.GetName().Name,
            EnvironmentName = Environments.Production,
            ContentRootPath = AppContext.BaseDirectory,
            Args = [],
        });
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            // Loopback only: the portal shows the bucket's images to whoever holds the token.
            kestrel.Listen(IPAddress.Loopback, options.Port);
            kestrel.Limits.MaxRequestBodySize = MaxSubmissionBytes;
            kestrel.AddServerHeader = false;
        });
        var app = builder.Build();
        var answering = new LoopAnswering(options.Reviews, options.Objects, options.Bucket, options.FlowDefinitionName, options.FlowDefinitionArn, options.Log);
        var portal = new ReviewPortal(app, options, token, grants, template, answering);
        try
        {
            await portal.StartListeningAsync(cancellationToken).ConfigureAwait(false);
            return portal;
        }
        catch
        {
            await portal.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await app.StopAsync().ConfigureAwait(false);
        }
        finally
        {
            await app.DisposeAsync().ConfigureAwait(false);
            answering.Dispose();
        }
    }

    private static void Check(ReviewPortalOptions options)
    {
        ArgumentNullException.ThrowIfNull(options.Reviews);
        ArgumentNullException.ThrowIfNull(options.Objects);
        ArgumentNullException.ThrowIfNull(options.Time);
        ArgumentException.ThrowIfNullOrWhiteSpace(options.Bucket);
        ArgumentException.ThrowIfNullOrWhiteSpace(options.WorkerId);
        if (!HumanLoopName.IsValid(options.FlowDefinitionName))
        {
            // A2I names flow definitions by the same rule as human loops.
            throw new ArgumentException($"Flow definition name {Printable.Quote(options.FlowDefinitionName)} is not valid: 1 to 63 lowercase letters, digits and inner hyphens.", nameof(options));
        }

        if (options.Port is < 0 or > 65535)
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.Port, "The port must be 0 (any free port) to 65535.");
        }

        if (options.Token is { } token && (token.Length < 16 || !token.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_')))
        {
            throw new ArgumentException("The portal token must be at least 16 characters of A-Z, a-z, 0-9, '-' and '_' (it travels in a URL and a cookie).", nameof(options));
        }
    }

    private async Task StartListeningAsync(CancellationToken cancellationToken)
    {
        app.Use(SecurityHeadersAsync);
        app.Use(new PortalAccess(Token).InvokeAsync);
        app.MapGet("/", context => Guarded(context, ListAsync));
        app.MapGet("/loops/{name}", context => Guarded(context, ShowLoopAsync));
        app.MapPost("/loops/{name}", context => Guarded(context, SubmitAsync));
        app.MapGet(ObjectGrants.Route + "{file}", context => Guarded(context, ServeObjectAsync));
        app.MapGet(WorkerTemplate.LocalCrowdScriptPath, context =>
        {
            context.Response.ContentType = CrowdElementsScript.ContentType;
            return context.Response.WriteAsync(CrowdElementsScript.Source, context.RequestAborted);
        });

        await app.StartAsync(cancellationToken).ConfigureAwait(false);
        var port = new Uri(app.Urls.First()).Port;
        BaseUrl = new Uri($"http://127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}/");
        await answering.RetryUnpublishedAsync(cancellationToken).ConfigureAwait(false);
    }

    private static async Task SecurityHeadersAsync(HttpContext context, RequestDelegate next)
    {
        // A page of another site that resolves its own name to 127.0.0.1 (DNS rebinding) must not be served.
        var host = context.Request.Host;
        var port = context.Connection.LocalPort;
        if (host.Port != port || host.Host is not ("127.0.0.1" or "localhost"))
        {
            await TextAsync(context, StatusCodes.Status400BadRequest, $"This portal answers only to 127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}, not to {Printable.Quote(host.Value)}.").ConfigureAwait(false);
            return;
        }

        var headers = context.Response.Headers;
        headers.XContentTypeOptions = "nosniff";
        headers["Referrer-Policy"] = "no-referrer";
        headers.CacheControl = "no-store";
        headers.XFrameOptions = "DENY";
        headers.ContentSecurityPolicy = PageSecurityPolicy;
        await next(context).ConfigureAwait(false);
    }

    private async Task ListAsync(HttpContext context)
    {
        var waiting = await answering.RetryUnpublishedAsync(context.RequestAborted).ConfigureAwait(false);
        await HtmlAsync(context, StatusCodes.Status200OK, PortalPages.Listing(options.Reviews.OpenLoops(), waiting, grants)).ConfigureAwait(false);
    }

    private async Task ShowLoopAsync(HttpContext context)
    {
        var name = LoopName(context);
        var loop = HumanLoopName.IsValid(name) ? options.Reviews.FindOpenLoop(name) : null;
        if (loop is null)
        {
            var (status, title, text) = NotOpen(name);
            await HtmlAsync(context, status, PortalPages.Message(title, text)).ConfigureAwait(false);
            return;
        }

        shownAt[name] = options.Time.GetUtcNow();
        await HtmlAsync(context, StatusCodes.Status200OK, await template.RenderAsync(loop.InputContent).ConfigureAwait(false)).ConfigureAwait(false);
    }

    private async Task SubmitAsync(HttpContext context)
    {
        var request = context.Request;
        if (request.Headers.Origin is [var origin] && !string.Equals(origin, BaseUrl.GetLeftPart(UriPartial.Authority), StringComparison.OrdinalIgnoreCase))
        {
            await AnswerAsync(context, StatusCodes.Status403Forbidden, new SubmissionResponse($"Submissions come only from the portal's own pages, not from {Printable.Quote(origin)}.")).ConfigureAwait(false);
            return;
        }

        if (!request.HasJsonContentType())
        {
            await AnswerAsync(context, StatusCodes.Status415UnsupportedMediaType, new SubmissionResponse("A submission is JSON: send Content-Type: application/json.")).ConfigureAwait(false);
            return;
        }

        var body = await ReadBodyAsync(request, context.RequestAborted).ConfigureAwait(false);
        if (body is null)
        {
            await AnswerAsync(context, StatusCodes.Status413PayloadTooLarge, new SubmissionResponse($"A submission is at most {MaxSubmissionBytes} bytes.")).ConfigureAwait(false);
            return;
        }

        SubmissionRequest? submission;
        try
        {
            submission = JsonSerializer.Deserialize(body, PortalJsonContext.Default.SubmissionRequest);
        }
        catch (JsonException e)
        {
            await AnswerAsync(context, StatusCodes.Status400BadRequest, new SubmissionResponse($"The submission is not valid JSON: {e.Message}")).ConfigureAwait(false);
            return;
        }

        if (submission is null || submission.AnswerContent.ValueKind != JsonValueKind.Object)
        {
            await AnswerAsync(context, StatusCodes.Status400BadRequest, new SubmissionResponse("The submission must be {\"answerContent\": {...}} with the answer as an object.")).ConfigureAwait(false);
            return;
        }

        var name = LoopName(context);
        var loop = HumanLoopName.IsValid(name) ? options.Reviews.FindOpenLoop(name) : null;
        if (loop is null)
        {
            var (status, _, text) = NotOpen(name);
            await AnswerAsync(context, status, new SubmissionResponse(text)).ConfigureAwait(false);
            return;
        }

        var now = options.Time.GetUtcNow();
        var accepted = shownAt.TryGetValue(name, out var shown) ? shown : (DateTimeOffset?)null;
        var outcome = await answering.AnswerAsync(loop, submission.AnswerContent, options.WorkerId, now, accepted, context.RequestAborted).ConfigureAwait(false);
        switch (outcome.Status)
        {
            case LoopAnswerStatus.Refused:
                await AnswerAsync(context, StatusCodes.Status400BadRequest, new SubmissionResponse(outcome.Problem!)).ConfigureAwait(false);
                return;
            case LoopAnswerStatus.NotOpen:
                var (status, _, text) = NotOpen(name);
                await AnswerAsync(context, status, new SubmissionResponse(text)).ConfigureAwait(false);
                return;
        }

        shownAt.TryRemove(name, out _);
        var published = outcome.Status == LoopAnswerStatus.Published;
        await AnswerAsync(
            context,
            published ? StatusCodes.Status200OK : StatusCodes.Status202Accepted,
            published
                ? new SubmissionResponse("Answer saved. Thank you!", outcome.OutputUri, Published: true)
                : new SubmissionResponse($"Answer saved, but its output is not written yet: {outcome.Problem} The portal retries it.", outcome.OutputUri, Published: false)).ConfigureAwait(false);
    }

    private async Task ServeObjectAsync(HttpContext context)
    {
        var query = context.Request.Query;
        string? bucket = query["bucket"], key = query["key"];
        if (grants.Refusal(bucket, key, query["expires"], query["signature"]) is { } refusal)
        {
            await TextAsync(context, StatusCodes.Status403Forbidden, refusal).ConfigureAwait(false);
            return;
        }

        ObjectContent? content;
        try
        {
            content = await options.Objects.GetAsync(bucket!, key!, context.RequestAborted).ConfigureAwait(false);
        }
        catch (PortException e) when (e.Failure == PortFailure.Invalid)
        {
            await TextAsync(context, StatusCodes.Status400BadRequest, e.Message).ConfigureAwait(false);
            return;
        }

        if (content is null)
        {
            await TextAsync(context, StatusCodes.Status404NotFound, $"{Printable.Quote(S3Uri.Format(bucket!, key!), maxChars: 160)} does not exist (any more).").ConfigureAwait(false);
            return;
        }

        // Only images are shown inline; anything else downloads, and nothing served here may run script.
        var type = ImageType(content.Object.ContentType, key!);
        var response = context.Response;
        response.Headers.ContentSecurityPolicy = "default-src 'none'; sandbox";
        response.ContentType = type ?? "application/octet-stream";
        if (type is null)
        {
            response.Headers.ContentDisposition = "attachment";
        }

        response.ContentLength = content.Body.Length;
        await response.Body.WriteAsync(content.Body, context.RequestAborted).ConfigureAwait(false);
    }

    private (int Status, string Title, string Text) NotOpen(string name)
    {
        var shown = Printable.Quote(name, maxChars: 120);
        if (HumanLoopName.IsValid(name) && options.Reviews.FindCompletedLoop(name) is { } done)
        {
            var at = done.Answer.AnsweredAt.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss 'UTC'", CultureInfo.InvariantCulture);
            return (StatusCodes.Status409Conflict, "Already answered", $"Human loop {shown} is not open: it was answered at {at}, and that answer stands.");
        }

        return (StatusCodes.Status404NotFound, "No such loop", $"There is no human loop named {shown}.");
    }

    private static string LoopName(HttpContext context) => context.Request.RouteValues["name"] as string ?? "";

    private static string? ImageType(string? stored, string key)
    {
        var type = stored?.Split(';')[0].Trim().ToLowerInvariant();
        if (type is not null && ImageTypes.Contains(type))
        {
            return type;
        }

        return Path.GetExtension(key).ToLowerInvariant() switch
        {
            ".png" => "image/png",
            ".jpg" or ".jpeg" => "image/jpeg",
            ".gif" => "image/gif",
            ".webp" => "image/webp",
            ".bmp" => "image/bmp",
            _ => null,
        };
    }

    private static async Task<byte[]?> ReadBodyAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (request.ContentLength > MaxSubmissionBytes)
        {
            return null;
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[8192];
        try
        {
            int read;
            while ((read = await request.Body.ReadAsync(chunk, cancellationToken).ConfigureAwait(false)) > 0)
            {
                if (buffer.Length + read > MaxSubmissionBytes)
                {
                    return null;
                }

                buffer.Write(chunk, 0, read);
            }
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return null;
        }

        return buffer.ToArray();
    }

    private async Task Guarded(HttpContext context, Func<HttpContext, Task> handler)
    {
        try
        {
            await handler(context).ConfigureAwait(false);
        }
        // The last stop for any failure (a port, the template, the disk): the reviewer sees what went wrong.
        catch (Exception e) when (e is not OperationCanceledException && !context.Response.HasStarted)
        {
            var status = e switch
            {
                PortException { Failure: PortFailure.Invalid } => StatusCodes.Status400BadRequest,
                PortException { IsRetryable: true } => StatusCodes.Status503ServiceUnavailable,
                _ => StatusCodes.Status500InternalServerError,
            };
            options.Log?.Invoke($"{context.Request.Method} {context.Request.Path}: {e.GetType().Name}: {e.Message}");
            context.Response.Clear();
            await TextAsync(context, status, $"The portal could not do that: {Printable.Line(e.Message)}").ConfigureAwait(false);
        }
    }

    private static Task HtmlAsync(HttpContext context, int status, string html)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "text/html; charset=utf-8";
        return context.Response.WriteAsync(html, Encoding.UTF8, context.RequestAborted);
    }

    private static Task TextAsync(HttpContext context, int status, string text)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "text/plain; charset=utf-8";
        return context.Response.WriteAsync(text + "\n", Encoding.UTF8, context.RequestAborted);
    }

    private static Task AnswerAsync(HttpContext context, int status, SubmissionResponse response)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json; charset=utf-8";
        return context.Response.WriteAsync(JsonSerializer.Serialize(response, PortalJsonContext.Default.SubmissionResponse), Encoding.UTF8, context.RequestAborted);
    }
}
