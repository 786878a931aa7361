using ContinuousImprovement.Host.Runtime;

namespace ContinuousImprovement.Host.Tests.Runtime;

public sealed class InitializationTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(15);

    [Fact]
    public async Task An_unknown_HANDLER_is_posted_as_an_init_error_naming_the_known_handlers_and_the_host_exits_with_1()
    {
        await using var host = await InProcessHost.StartAsync("detect-labelz");

        var exitCode = await host.Running.WaitAsync(Patience);
        var error = await host.Api.InitErrors.ReadAsync().AsTask().WaitAsync(Patience);

        Assert.Equal(1, exitCode);
        Assert.Equal(RuntimeErrorTypes.HandlerNotFound, error.ErrorTypeHeader);
        Assert.Equal(RuntimeErrorTypes.HandlerNotFound, error.Json.GetProperty("errorType").GetString());
        Assert.Equal($"No handler named 'detect-labelz' (from _HANDLER); this bootstrap serves: {string.Join(", ", HandlerRegistrations.CreateCatalog().Names)}.", error.Json.GetProperty("errorMessage").GetString());
        Assert.Equal(0, error.Json.GetProperty("stackTrace").GetArrayLength());
        Assert.Contains(host.LogLines, l => l.TryGetProperty("level", out var level) && level.GetString() == "FATAL" && l.GetProperty("handler").GetString() == "detect-labelz");
    }

    [Fact]
    public async Task A_missing_HANDLER_is_an_init_error()
    {
        await using var host = await InProcessHost.StartAsync(handler: null);

        var error = await host.Api.InitErrors.ReadAsync().AsTask().WaitAsync(Patience);

        Assert.Equal(1, await host.Running.WaitAsync(Patience));
        Assert.Equal($"_HANDLER is not set; this bootstrap serves: {string.Join(", ", HandlerRegistrations.CreateCatalog().Names)}.", error.Json.GetProperty("errorMessage").GetString());
    }

    [Fact]
    public async Task A_handler_factory_that_throws_is_posted_as_an_init_error_with_the_exception_type()
    {
        var catalog = new RuntimeHandlers().Add("needs-config", () => throw new InvalidOperationException("BUCKET is not set"));
        await using var host = await InProcessHost.StartAsync("needs-config", catalog);

        var error = await host.Api.InitErrors.ReadAsync().AsTask().WaitAsync(Patience);

        Assert.Equal(1, await host.Running.WaitAsync(Patience));
        Assert.Equal("InvalidOperationException", error.ErrorTypeHeader);
        Assert.Equal("BUCKET is not set", error.Json.GetProperty("errorMessage").GetString());
        Assert.NotEqual(0, error.Json.GetProperty("stackTrace").GetArrayLength());
    }

    [Fact]
    public async Task Without_AWS_LAMBDA_RUNTIME_API_the_host_logs_a_fatal_line_and_exits_with_1()
    {
        var output = new LineCapture();
        var errors = new LineCapture();
        var settings = HostSettings.From(name => name == "_HANDLER" ? "echo" : null);
        var host = new LambdaHost(HandlerRegistrations.CreateCatalog(), settings, new LambdaHostOptions { Sink = new(output, errors) });

        var exitCode = await host.RunAsync(CancellationToken.None).WaitAsync(Patience);

        Assert.Equal(1, exitCode);
        var line = Assert.Single(errors.JsonLines);
        Assert.Equal("FATAL", line.GetProperty("level").GetString());
        Assert.StartsWith("AWS_LAMBDA_RUNTIME_API is not set", line.GetProperty("message").GetString(), StringComparison.Ordinal);
    }
}
