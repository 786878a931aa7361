using ContinuousImprovement.Host.Observability;
using ContinuousImprovement.Host.Runtime;

namespace ContinuousImprovement.Host.Tests;

/// <summary>
/// A <see cref="LambdaHost"/> running inside the test process against a <see cref="FakeRuntimeApi"/>, its
/// stdout and stderr captured. Disposing stops it and the fake API.
/// </summary>
public sealed class InProcessHost : IAsyncDisposable
{
    private readonly CancellationTokenSource stop;

    private InProcessHost(FakeRuntimeApi api, Task<int> running, LineCapture output, LineCapture errors, CancellationTokenSource stop)
    {
        this.stop = stop;
        Api = api;
        Running = running;
        Output = output;
        Errors = errors;
    }

    public FakeRuntimeApi Api { get; }

    /// <summary>Completes with the host's exit code.</summary>
    public Task<int> Running { get; }

    public LineCapture Output { get; }

    public LineCapture Errors { get; }

    /// <summary>Stdout and stderr lines together, as Lambda's log stream shows them.</summary>
    public IReadOnlyList<System.Text.Json.JsonElement> LogLines => [.. Output.JsonLines, .. Errors.JsonLines];

    public static Task<InProcessHost> StartAsync(string? handler, RuntimeHandlers? catalog = null, TimeSpan? cancelBeforeDeadline = null, IReadOnlyDictionary<string, string>? environment = null) =>
        StartAsync(handler, catalog, cancelBeforeDeadline, environment, setTraceVariable: false);

    public static async Task<InProcessHost> StartAsync(string? handler, RuntimeHandlers? catalog, TimeSpan? cancelBeforeDeadline, IReadOnlyDictionary<string, string>? environment, bool setTraceVariable)
    {
        var api = await FakeRuntimeApi.StartAsync();
        var variables = new Dictionary<string, string>(environment ?? new Dictionary<string, string>(), StringComparer.Ordinal)
        {
            ["AWS_LAMBDA_RUNTIME_API"] = api.Address,
        };
        if (handler is not null)
        {
            variables["_HANDLER"] = handler;
        }

        var settings = HostSettings.From(name => variables.GetValueOrDefault(name));
        var output = new LineCapture();
        var errors = new LineCapture();
        var options = new LambdaHostOptions
        {
            Sink = new LogSink(output, errors),
            CancelBeforeDeadline = cancelBeforeDeadline ?? TimeSpan.FromMilliseconds(200),
            SetTraceEnvironmentVariable = setTraceVariable,
        };
        var host = new LambdaHost(catalog ?? HandlerRegistrations.CreateCatalog(), settings, options);
        var stop = new CancellationTokenSource();
        var running = Task.Run(() => host.RunAsync(stop.Token));
        return new InProcessHost(api, running, output, errors, stop);
    }

    public async ValueTask DisposeAsync()
    {
        await stop.CancelAsync();
        await Running.WaitAsync(TimeSpan.FromSeconds(10));
        await Api.DisposeAsync();
        stop.Dispose();
        Output.Dispose();
        Errors.Dispose();
    }
}
