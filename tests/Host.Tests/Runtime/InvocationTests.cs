using System.Text;
using ContinuousImprovement.Host.Runtime;

namespace ContinuousImprovement.Host.Tests.Runtime;

public sealed class InvocationTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(15);

    [Fact]
    public async Task Echo_answers_with_the_event_bytes_as_the_invocation_response()
    {
        await using var host = await InProcessHost.StartAsync("echo");
        var payload = """{"bucket":"uploads","key":"cats/1.jpg"}"""u8.ToArray();

        var result = await host.Api.InvokeAsync(payload).WaitAsync(Patience);

        Assert.False(result.IsError);
        Assert.Equal(payload, result.Body);
    }

    [Fact]
    public async Task Context_carries_the_request_id_function_arn_deadline_and_trace_id_from_the_headers()
    {
        await using var host = await InProcessHost.StartAsync("context");
        const string trace = "Root=1-65f0a9b2-0123456789abcdef01234567;Parent=1111222233334444;Sampled=1";

        var result = await host.Api.InvokeAsync("{}"u8.ToArray(), TimeSpan.FromSeconds(20), trace).WaitAsync(Patience);

        var json = result.Json;
        Assert.False(result.IsError, result.Text);
        Assert.Equal(result.RequestId, json.GetProperty("requestId").GetString());
        Assert.Equal("arn:aws:lambda:eu-west-1:123456789012:function:host-tests", json.GetProperty("invokedFunctionArn").GetString());
        Assert.Equal(trace, json.GetProperty("traceId").GetString());
        Assert.Equal(result.Deadline.ToUnixTimeMilliseconds(), json.GetProperty("deadlineMs").GetInt64());
        Assert.InRange(json.GetProperty("remainingMs").GetInt64(), 10_000, 20_000);
        Assert.True(json.GetProperty("tokenCanBeCancelled").GetBoolean());
    }

    [Fact]
    public async Task A_throwing_handler_is_reported_in_the_AWS_error_shape_with_the_error_type_header()
    {
        await using var host = await InProcessHost.StartAsync("fail");

        var result = await host.Api.InvokeAsync("{}"u8.ToArray()).WaitAsync(Patience);

        Assert.True(result.IsError);
        Assert.Equal("DiagnosticFailureException", result.ErrorTypeHeader);
        Assert.Equal("application/vnd.aws.lambda.error+json", result.ContentType);
        var json = result.Json;
        Assert.Equal("DiagnosticFailureException", json.GetProperty("errorType").GetString());
        Assert.Equal("The 'fail' handler always fails (the event had 2 bytes).", json.GetProperty("errorMessage").GetString());
        var stack = json.GetProperty("stackTrace").EnumerateArray().Select(f => f.GetString()!).ToList();
        Assert.Contains(stack, frame => frame.Contains("DiagnosticHandlers.Fail", StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_inner_exception_is_reported_as_the_cause()
    {
        var catalog = new RuntimeHandlers().Add("wrap", (_, _, _) =>
            throw new InvalidOperationException("outer", new TimeoutException("inner")));
        await using var host = await InProcessHost.StartAsync("wrap", catalog);

        var json = (await host.Api.InvokeAsync("{}"u8.ToArray()).WaitAsync(Patience)).Json;

        Assert.Equal("InvalidOperationException", json.GetProperty("errorType").GetString());
        Assert.Equal("TimeoutException", json.GetProperty("cause").GetProperty("errorType").GetString());
        Assert.Equal("inner", json.GetProperty("cause").GetProperty("errorMessage").GetString());
    }

    [Fact]
    public async Task The_host_keeps_serving_after_a_handler_throws()
    {
        var catalog = new RuntimeHandlers().Add("picky", (payload, _, _) =>
            payload.Span.SequenceEqual("boom"u8) ? throw new InvalidOperationException("boom") : ValueTask.FromResult(payload));
        await using var host = await InProcessHost.StartAsync("picky", catalog);

        var first = await host.Api.InvokeAsync("boom"u8.ToArray()).WaitAsync(Patience);
        var second = await host.Api.InvokeAsync("fine"u8.ToArray()).WaitAsync(Patience);
        var third = await host.Api.InvokeAsync("boom"u8.ToArray()).WaitAsync(Patience);

        Assert.Equal([true, false, true], [first.IsError, second.IsError, third.IsError]);
        Assert.Equal("fine", second.Text);
        Assert.False(host.Running.IsCompleted);
    }

    [Fact]
    public async Task A_malformed_event_reaches_the_handler_byte_for_byte()
    {
        await using var host = await InProcessHost.StartAsync("echo");
        byte[] payload = [.. "{\"key\": tru"u8, 0xFF, 0xFE, 0x00, .. "\n]"u8];

        var result = await host.Api.InvokeAsync(payload).WaitAsync(Patience);

        Assert.False(result.IsError);
        Assert.Equal(payload, result.Body);
    }

    [Fact]
    public async Task A_JSON_handler_fails_clearly_on_a_malformed_event_and_the_host_serves_the_next_one()
    {
        await using var host = await InProcessHost.StartAsync("wait");

        var malformed = await host.Api.InvokeAsync("{\"milliseconds\": 5"u8.ToArray()).WaitAsync(Patience);
        var wrongShape = await host.Api.InvokeAsync("[1,2]"u8.ToArray()).WaitAsync(Patience);
        var good = await host.Api.InvokeAsync("{\"milliseconds\": 1}"u8.ToArray()).WaitAsync(Patience);

        Assert.Equal("InvalidEventException", malformed.ErrorTypeHeader);
        var message = malformed.Json.GetProperty("errorMessage").GetString()!;
        Assert.StartsWith("Handler 'wait' expects a JSON event, but the event (18 bytes, starting '{\"milliseconds\": 5') is not JSON:", message, StringComparison.Ordinal);
        Assert.Equal("JsonReaderException", malformed.Json.GetProperty("cause").GetProperty("errorType").GetString());
        Assert.Equal("InvalidEventException", wrongShape.ErrorTypeHeader);
        Assert.Contains("expects {\"milliseconds\"", wrongShape.Json.GetProperty("errorMessage").GetString(), StringComparison.Ordinal);
        Assert.False(good.IsError, good.Text);
        Assert.Equal("""{"waitedMs":1}""", good.Text);
    }

    [Fact]
    public async Task The_host_reports_a_response_the_Runtime_API_refuses_as_the_invocations_error()
    {
        await using var host = await InProcessHost.StartAsync("echo");

        var result = await host.Api.InvokeAsync("{}"u8.ToArray(), refuseResponseWith: 413).WaitAsync(Patience);
        var next = await host.Api.InvokeAsync("{}"u8.ToArray()).WaitAsync(Patience);

        Assert.True(result.IsError);
        Assert.Equal(RuntimeErrorTypes.ResponseRejected, result.ErrorTypeHeader);
        Assert.Contains("413", result.Json.GetProperty("errorMessage").GetString(), StringComparison.Ordinal);
        Assert.False(next.IsError);
    }

    [Fact]
    public async Task The_host_exits_with_1_when_the_Runtime_API_answers_next_with_500()
    {
        await using var host = await InProcessHost.StartAsync("echo");
        Assert.False((await host.Api.InvokeAsync("{}"u8.ToArray()).WaitAsync(Patience)).IsError);

        host.Api.NextFailsWith = 500;
        // The host is already waiting on next; one more event lets it come back for the failing one.
        _ = host.Api.InvokeAsync("{}"u8.ToArray());

        Assert.Equal(1, await host.Running.WaitAsync(Patience));
        Assert.Contains(host.LogLines, l => l.TryGetProperty("level", out var level) && level.GetString() == "FATAL"
            && l.GetProperty("message").GetString()!.Contains("next invocation", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_host_exits_with_0_when_stopped_while_waiting_for_an_event()
    {
        var host = await InProcessHost.StartAsync("echo");
        await host.DisposeAsync();

        Assert.Equal(0, await host.Running);
    }

    [Fact]
    public async Task A_large_event_and_response_travel_whole()
    {
        await using var host = await InProcessHost.StartAsync("echo");
        var payload = Encoding.UTF8.GetBytes("\"" + new string('x', 5_000_000) + "\"");

        var result = await host.Api.InvokeAsync(payload).WaitAsync(Patience);

        Assert.Equal(payload.Length, result.Body.Length);
        Assert.Equal(payload, result.Body);
    }
}
