using System.Globalization;
using System.Net;
using System.Net.Http.Headers;

namespace ContinuousImprovement.Host.Runtime;

/// <summary>
/// The four calls of the Lambda Runtime API 2018-06-01 over plain HTTP/1.1 to <c>AWS_LAMBDA_RUNTIME_API</c>.
/// </summary>
public sealed class RuntimeApiClient
{
    private static readonly MediaTypeHeaderValue ErrorContentType = new("application/vnd.aws.lambda.error+json");
    private static readonly MediaTypeHeaderValue ResponseContentType = new("application/json");

    private readonly HttpClient http;
    private readonly Uri next;
    private readonly Uri initError;
    private readonly string invocationBase;

    /// <param name="runtimeApi"><c>host:port</c>, as <c>AWS_LAMBDA_RUNTIME_API</c> gives it.</param>
    public RuntimeApiClient(HttpClient http, string runtimeApi)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentException.ThrowIfNullOrWhiteSpace(runtimeApi);
        this.http = http;
        var root = $"http://{runtimeApi}/2018-06-01/runtime/";
        next = new Uri(root + "invocation/next");
        initError = new Uri(root + "init/error");
        invocationBase = root + "invocation/";
    }

    /// <summary>
    /// An HttpClient fit for the Runtime API: no proxy, no cookies, no timeout (<c>next</c> blocks until an
    /// event arrives, and the sandbox may be frozen for hours in between).
    /// </summary>
    public static HttpClient CreateHttpClient() =>
        new(new SocketsHttpHandler
        {
            UseProxy = false,
            UseCookies = false,
            AllowAutoRedirect = false,
            AutomaticDecompression = DecompressionMethods.None,
            ConnectTimeout = TimeSpan.FromSeconds(5),
        })
        {
            Timeout = Timeout.InfiniteTimeSpan,
        };

    /// <summary>Blocks until the next event.</summary>
    /// <exception cref="RuntimeApiException">A non-2xx answer, or a 200 without a request id.</exception>
    public async Task<Invocation> NextAsync(CancellationToken cancellationToken)
    {
        using var response = await http.GetAsync(next, HttpCompletionOption.ResponseContentRead, cancellationToken).ConfigureAwait(false);
        await EnsureSuccessAsync(response, "GET invocation/next", cancellationToken).ConfigureAwait(false);
        var requestId = Header(response, RuntimeHeaders.RequestId)
            ?? throw new RuntimeApiException("The Runtime API sent an invocation without a Lambda-Runtime-Aws-Request-Id header.");
        var payload = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
        var deadline = long.TryParse(Header(response, RuntimeHeaders.Deadline), NumberStyles.None, CultureInfo.InvariantCulture, out var ms)
            ? DateTimeOffset.FromUnixTimeMilliseconds(ms)
            : DateTimeOffset.MaxValue;
        return new Invocation(
            requestId,
            deadline,
            Header(response, RuntimeHeaders.InvokedFunctionArn) ?? string.Empty,
            Header(response, RuntimeHeaders.TraceId),
            Header(response, RuntimeHeaders.ClientContext),
            Header(response, RuntimeHeaders.CognitoIdentity),
            payload);
    }

    public async Task SendResponseAsync(string requestId, ReadOnlyMemory<byte> body, CancellationToken cancellationToken)
    {
        using var content = new ReadOnlyMemoryContent(body);
        content.Headers.ContentType = ResponseContentType;
        using var response = await http.PostAsync(InvocationUri(requestId, "response"), content, cancellationToken).ConfigureAwait(false);
        await EnsureSuccessAsync(response, "POST invocation/response", cancellationToken).ConfigureAwait(false);
    }

    public Task SendErrorAsync(string requestId, ErrorReport error, CancellationToken cancellationToken) =>
        PostErrorAsync(InvocationUri(requestId, "error"), "POST invocation/error", error, cancellationToken);

    public Task SendInitErrorAsync(ErrorReport error, CancellationToken cancellationToken) =>
        PostErrorAsync(initError, "POST init/error", error, cancellationToken);

    private async Task PostErrorAsync(Uri uri, string operation, ErrorReport error, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(error);
        using var content = new ByteArrayContent(error.ToJson());
        content.Headers.ContentType = ErrorContentType;
        using var request = new HttpRequestMessage(HttpMethod.Post, uri) { Content = content };
        request.Headers.TryAddWithoutValidation(RuntimeHeaders.FunctionErrorType, error.ErrorType);
        using var response = await http.SendAsync(request, cancellationToken).ConfigureAwait(false);
        await EnsureSuccessAsync(response, operation, cancellationToken).ConfigureAwait(false);
    }

    private Uri InvocationUri(string requestId, string action)
    {
        ArgumentException.ThrowIfNullOrEmpty(requestId);
        return new Uri($"{invocationBase}{Uri.EscapeDataString(requestId)}/{action}");
    }

    private static string? Header(HttpResponseMessage response, string name) =>
        response.Headers.NonValidated.TryGetValues(name, out var values) ? values.ToString() : null;

    private static async Task EnsureSuccessAsync(HttpResponseMessage response, string operation, CancellationToken cancellationToken)
    {
        if (!response.IsSuccessStatusCode)
        {
            var body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
            throw new RuntimeApiException(operation, response.StatusCode, body);
        }
    }
}
