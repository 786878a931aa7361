using System.Collections.Concurrent;
using System.Globalization;
using System.Threading.Channels;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ContinuousImprovement.Host.Tests;

/// <summary>
/// The Lambda Runtime API on 127.0.0.1 (Kestrel): <see cref="InvokeAsync"/> queues an event the host picks
/// up with <c>invocation/next</c>, and completes with what the host posted back (response or error).
/// Init errors are collected in <see cref="InitErrors"/>.
/// </summary>
public sealed class FakeRuntimeApi : IAsyncDisposable
{
    private const string Prefix = "/2018-06-01/runtime";


    private readonly WebApplication app;
    private readonly Channel<QueuedInvocation> queue = Channel.CreateUnbounded<QueuedInvocation>();
    private readonly ConcurrentDictionary<string, QueuedInvocation> handedOut = new(StringComparer.Ordinal);
    private readonly Channel<PostedError> initErrors = Channel.CreateUnbounded<PostedError>();
    private int nextRequestNumber;

    private FakeRuntimeApi(WebApplication app, string address)
    {
        this.app = app;
        Address = address;
    }

    /// <summary><c>host:port</c>, the value of <c>AWS_LAMBDA_RUNTIME_API</c>.</summary>
    public string Address { get; }

    /// <summary>When set, <c>invocation/next</c> answers this status instead of an event (a broken Runtime API).</summary>
    public int? NextFailsWith { get; set; }

    public ChannelReader<PostedError> InitErrors => initErrors.Reader;

    public static async Task<FakeRuntimeApi> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        FakeRuntimeApi? api = null;
        app.MapGet($"{Prefix}/invocation/next", (HttpContext http) => api!.NextAsync(http));
        app.MapPost($"{Prefix}/invocation/{{id}}/response", (HttpContext http, string id) => api!.ResponseAsync(http, id));
        app.MapPost($"{Prefix}/invocation/{{id}}/error", (HttpContext http, string id) => api!.ErrorAsync(http, id));
        app.MapPost($"{Prefix}/init/error", (HttpContext http) => api!.InitErrorAsync(http));
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        api = new FakeRuntimeApi(app, new Uri(address).Authority);
        return api;
    }

    /// <summary>Queues one event and waits until the host answers it.</summary>
    /// <param name="timeout">
    /// Deadline, counted from when the host picks the event up (as Lambda counts it); 30 s when null;
    /// <see cref="Timeout.InfiniteTimeSpan"/> sends no deadline header.
    /// </param>
    public Task<InvocationResult> InvokeAsync(ReadOnlyMemory<byte> payload, TimeSpan? timeout = null, string? traceId = null, int? refuseResponseWith = null)
    {
        var number = Interlocked.Increment(ref nextRequestNumber);
        var invocation = new QueuedInvocation(
            $"req-{number:D4}-{Guid.NewGuid():N}",
            payload.ToArray(),
            timeout ?? TimeSpan.FromSeconds(30),
            traceId ?? $"Root=1-5759e988-bd862e3fe1be46a994272{number:D3};Parent=53995c3f42cd8ad8;Sampled=1",
            refuseResponseWith);
        queue.Writer.TryWrite(invocation);
        return invocation.Result.Task;
    }

    public async ValueTask DisposeAsync()
    {
        queue.Writer.TryComplete();
        await app.StopAsync();
        await app.DisposeAsync();
    }

    private async Task NextAsync(HttpContext http)
    {
        if (NextFailsWith is { } status)
        {
            http.Response.StatusCode = status;
            await http.Response.WriteAsync("""{"errorMessage":"the fake Runtime API was told to fail","errorType":"Fake.Failure"}""");
            return;
        }

        QueuedInvocation invocation;
        try
        {
            invocation = await queue.Reader.ReadAsync(http.RequestAborted);
        }
        catch (Exception e) when (e is OperationCanceledException or ChannelClosedException)
        {
            http.Response.StatusCode = StatusCodes.Status500InternalServerError;
            return;
        }

        invocation.Deadline = invocation.Timeout == Timeout.InfiniteTimeSpan ? DateTimeOffset.MaxValue : DateTimeOffset.UtcNow + invocation.Timeout;
        handedOut[invocation.RequestId] = invocation;
        var headers = http.Response.Headers;
        headers["Lambda-Runtime-Aws-Request-Id"] = invocation.RequestId;
        if (invocation.Deadline != DateTimeOffset.MaxValue)
        {
            headers["Lambda-Runtime-Deadline-Ms"] = invocation.Deadline.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture);
        }

        headers["Lambda-Runtime-Invoked-Function-Arn"] = "arn:aws:lambda:eu-west-1:123456789012:function:host-tests";
        headers["Lambda-Runtime-Trace-Id"] = invocation.TraceId;
        http.Response.ContentType = "application/json";
        http.Response.ContentLength = invocation.Payload.Length;
        await http.Response.Body.WriteAsync(invocation.Payload);
    }

    private async Task ResponseAsync(HttpContext http, string id)
    {
        var body = await ReadBodyAsync(http);
        if (!handedOut.TryGetValue(id, out var invocation))
        {
            await AnswerAsync(http, StatusCodes.Status400BadRequest, """{"errorMessage":"unknown request id","errorType":"InvalidRequestID"}""");
            return;
        }

        if (invocation.RefuseResponseWith is { } status)
        {
            invocation.RefuseResponseWith = null;
            await AnswerAsync(http, status, """{"errorMessage":"Response payload too large","errorType":"RequestEntityTooLarge"}""");
            return;
        }

        handedOut.TryRemove(id, out _);
        await AcceptAsync(http);
        invocation.Result.TrySetResult(new InvocationResult(invocation.RequestId, false, body, null, http.Request.ContentType, invocation.Deadline));
    }

    private async Task ErrorAsync(HttpContext http, string id)
    {
        var body = await ReadBodyAsync(http);
        if (!handedOut.TryRemove(id, out var invocation))
        {
            await AnswerAsync(http, StatusCodes.Status400BadRequest, """{"errorMessage":"unknown request id","errorType":"InvalidRequestID"}""");
            return;
        }

        await AcceptAsync(http);
        invocation.Result.TrySetResult(new InvocationResult(invocation.RequestId, true, body, http.Request.Headers["Lambda-Runtime-Function-Error-Type"].ToString(), http.Request.ContentType, invocation.Deadline));
    }

    private async Task InitErrorAsync(HttpContext http)
    {
        var body = await ReadBodyAsync(http);
        await AcceptAsync(http);
        initErrors.Writer.TryWrite(new PostedError(body, http.Request.Headers["Lambda-Runtime-Function-Error-Type"].ToString(), http.Request.ContentType));
    }

    // Written as text: the tests use no reflection-based JSON either.
    private static Task AnswerAsync(HttpContext http, int status, string json)
    {
        http.Response.StatusCode = status;
        http.Response.ContentType = "application/json";
        return http.Response.WriteAsync(json);
    }

    /// <summary>Answers 202 and finishes the exchange, so a test that sees the result sees a host that moved on.</summary>
    private static async Task AcceptAsync(HttpContext http)
    {
        await AnswerAsync(http, StatusCodes.Status202Accepted, """{"status":"OK"}""");
        await http.Response.CompleteAsync();
    }

    private static async Task<byte[]> ReadBodyAsync(HttpContext http)
    {
        using var buffer = new MemoryStream();
        await http.Request.Body.CopyToAsync(buffer);
        return buffer.ToArray();
    }

    private sealed class QueuedInvocation(string requestId, byte[] payload, TimeSpan timeout, string traceId, int? refuseResponseWith)
    {
        public string RequestId { get; } = requestId;

        public byte[] Payload { get; } = payload;

        public TimeSpan Timeout { get; } = timeout;

        public string TraceId { get; } = traceId;

        public int? RefuseResponseWith { get; set; } = refuseResponseWith;

        public DateTimeOffset Deadline { get; set; }

        public TaskCompletionSource<InvocationResult> Result { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
