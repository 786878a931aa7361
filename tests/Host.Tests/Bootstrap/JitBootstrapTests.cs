using ContinuousImprovement.Host.Runtime;

namespace ContinuousImprovement.Host.Tests.Bootstrap;

/// <summary>The JIT build run as its own process (about 0.2 s to start), as <c>dotnet bootstrap.dll</c>.</summary>
public sealed class JitBootstrapTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task The_process_copies_each_invocations_trace_header_into_X_AMZN_TRACE_ID()
    {
        await using var host = await ChildHost.StartJitAsync("context");

        var first = await host.Api.InvokeAsync("{}"u8.ToArray(), traceId: "Root=1-00000000-aaaaaaaaaaaaaaaaaaaaaaaa;Sampled=0").WaitAsync(Patience);
        var second = await host.Api.InvokeAsync("{}"u8.ToArray(), traceId: "Root=1-11111111-bbbbbbbbbbbbbbbbbbbbbbbb;Sampled=1").WaitAsync(Patience);

        Assert.Equal("Root=1-00000000-aaaaaaaaaaaaaaaaaaaaaaaa;Sampled=0", first.Json.GetProperty("traceEnvironment").GetString());
        Assert.Equal("Root=1-11111111-bbbbbbbbbbbbbbbbbbbbbbbb;Sampled=1", second.Json.GetProperty("traceEnvironment").GetString());
    }

    [Fact]
    public async Task An_unknown_HANDLER_is_posted_as_an_init_error_and_the_process_exits_with_1()
    {
        await using var host = await ChildHost.StartJitAsync("nope");

        var error = await host.Api.InitErrors.ReadAsync().AsTask().WaitAsync(Patience);
        var exitCode = await host.ExitCodeAsync(Patience);

        Assert.Equal(RuntimeErrorTypes.HandlerNotFound, error.ErrorTypeHeader);
        Assert.Equal(1, exitCode);
        Assert.Contains(host.JsonLines, l => l.GetProperty("level").GetString() == "FATAL");
    }

    [Fact]
    public async Task At_DEBUG_the_process_logs_each_invocation_as_a_JSON_line_on_stdout()
    {
        await using var host = await ChildHost.StartJitAsync("echo", new Dictionary<string, string> { ["AWS_LAMBDA_LOG_LEVEL"] = "DEBUG" });

        var result = await host.Api.InvokeAsync("{}"u8.ToArray()).WaitAsync(Patience);
        await WaitUntil(() => host.OutputLines.Any(l => l.Contains("Invocation succeeded.", StringComparison.Ordinal)));

        var line = host.JsonLines.Single(l => l.TryGetProperty("message", out var m) && m.GetString() == "Invocation succeeded.");
        Assert.Equal("DEBUG", line.GetProperty("level").GetString());
        Assert.Equal(result.RequestId, line.GetProperty("requestId").GetString());
        Assert.Equal(2, line.GetProperty("responseBytes").GetInt32());
    }

    [Fact]
    public async Task At_the_default_level_a_successful_invocation_writes_only_its_metrics()
    {
        await using var host = await ChildHost.StartJitAsync("echo");

        await host.Api.InvokeAsync("{}"u8.ToArray()).WaitAsync(Patience);
        await WaitUntil(() => host.OutputLines.Count > 0);

        var line = Assert.Single(host.JsonLines);
        Assert.True(line.TryGetProperty("_aws", out _));
    }

    internal static async Task WaitUntil(Func<bool> condition)
    {
        for (var waited = 0; !condition() && waited < 10_000; waited += 20)
        {
            await Task.Delay(20);
        }
    }
}
