using System.Diagnostics;
using ContinuousImprovement.Host.Runtime;

namespace ContinuousImprovement.Host.Tests.Runtime;

/// <summary>
/// The deadline: the handler's token is cancelled a margin before it, a handler that stops is reported as a
/// timeout, one that does not is reported at the deadline, and the process serves the next event either way.
/// Margins are generous because the build of other suites may share the two cores.
/// </summary>
public sealed class DeadlineTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(15);

    [Fact]
    public async Task A_handler_that_honours_its_token_is_reported_as_a_timeout_and_the_host_serves_the_next_event()
    {
        await using var host = await InProcessHost.StartAsync("wait", cancelBeforeDeadline: TimeSpan.FromMilliseconds(100));
        var clock = Stopwatch.StartNew();

        var timedOut = await host.Api.InvokeAsync("""{"milliseconds": 60000}"""u8.ToArray(), TimeSpan.FromMilliseconds(600)).WaitAsync(Patience);
        var elapsed = clock.Elapsed;
        var next = await host.Api.InvokeAsync("""{"milliseconds": 0}"""u8.ToArray()).WaitAsync(Patience);

        Assert.True(timedOut.IsError);
        Assert.Equal(RuntimeErrorTypes.Timeout, timedOut.ErrorTypeHeader);
        Assert.Equal(RuntimeErrorTypes.Timeout, timedOut.Json.GetProperty("errorType").GetString());
        Assert.Contains("cancellation token was cancelled 100 ms before the deadline", timedOut.Json.GetProperty("errorMessage").GetString(), StringComparison.Ordinal);
        Assert.InRange(elapsed, TimeSpan.FromMilliseconds(400), TimeSpan.FromSeconds(5));
        Assert.False(next.IsError, next.Text);
    }

    [Fact]
    public async Task A_handler_that_ignores_its_token_is_reported_as_a_timeout_at_the_deadline_without_waiting_for_it()
    {
        await using var host = await InProcessHost.StartAsync("wait", cancelBeforeDeadline: TimeSpan.FromMilliseconds(100));
        var clock = Stopwatch.StartNew();

        var timedOut = await host.Api.InvokeAsync("""{"milliseconds": 8000, "ignoreCancellation": true}"""u8.ToArray(), TimeSpan.FromMilliseconds(500)).WaitAsync(Patience);
        var elapsed = clock.Elapsed;
        var next = await host.Api.InvokeAsync("""{"milliseconds": 0}"""u8.ToArray()).WaitAsync(Patience);

        Assert.Equal(RuntimeErrorTypes.Timeout, timedOut.ErrorTypeHeader);
        Assert.Contains("still running at the deadline", timedOut.Json.GetProperty("errorMessage").GetString(), StringComparison.Ordinal);
        Assert.InRange(elapsed, TimeSpan.FromMilliseconds(400), TimeSpan.FromSeconds(5));
        Assert.False(next.IsError, next.Text);
    }

    [Fact]
    public async Task The_token_is_cancelled_the_configured_margin_before_the_deadline()
    {
        var remainingAtCancel = new TaskCompletionSource<TimeSpan>();
        var catalog = new RuntimeHandlers().Add("watch", async (_, context, token) =>
        {
            using var registration = token.Register(() => remainingAtCancel.TrySetResult(context.Deadline - DateTimeOffset.UtcNow));
            await Task.Delay(Timeout.Infinite, token);
            return default;
        });
        await using var host = await InProcessHost.StartAsync("watch", catalog, cancelBeforeDeadline: TimeSpan.FromMilliseconds(1500));

        var result = await host.Api.InvokeAsync("{}"u8.ToArray(), TimeSpan.FromMilliseconds(2000)).WaitAsync(Patience);
        var remaining = await remainingAtCancel.Task.WaitAsync(Patience);

        // Cancelled about 1500 ms before the deadline: never earlier, and (even on a busy machine) well before it.
        Assert.InRange(remaining, TimeSpan.FromMilliseconds(300), TimeSpan.FromMilliseconds(1550));
        Assert.Equal(RuntimeErrorTypes.Timeout, result.ErrorTypeHeader);
    }

    [Fact]
    public async Task A_handler_whose_own_operation_is_cancelled_before_the_deadline_reports_that_exception_not_a_timeout()
    {
        var catalog = new RuntimeHandlers().Add("own", (_, _, _) => throw new TaskCanceledException("an HTTP call of the handler timed out"));
        await using var host = await InProcessHost.StartAsync("own", catalog);

        var result = await host.Api.InvokeAsync("{}"u8.ToArray()).WaitAsync(Patience);

        Assert.Equal("TaskCanceledException", result.ErrorTypeHeader);
    }

    [Fact]
    public async Task An_event_without_a_deadline_header_runs_unbounded()
    {
        var catalog = new RuntimeHandlers().Add("probe", async (_, context, token) =>
        {
            await Task.Delay(50, token);
            return context.RemainingTime == Timeout.InfiniteTimeSpan && !token.IsCancellationRequested ? "\"unbounded\""u8.ToArray() : "\"bounded\""u8.ToArray();
        });
        await using var host = await InProcessHost.StartAsync("probe", catalog);

        var result = await host.Api.InvokeAsync("{}"u8.ToArray(), Timeout.InfiniteTimeSpan).WaitAsync(Patience);

        Assert.Equal("\"unbounded\"", result.Text);
    }

    [Fact]
    public async Task A_deadline_beyond_any_Lambda_timeout_is_served_as_no_deadline()
    {
        var catalog = new RuntimeHandlers().Add("probe", (_, _, token) =>
            ValueTask.FromResult<ReadOnlyMemory<byte>>(token.CanBeCanceled ? "\"token\""u8.ToArray() : "\"none\""u8.ToArray()));
        await using var host = await InProcessHost.StartAsync("probe", catalog);

        var result = await host.Api.InvokeAsync("{}"u8.ToArray(), TimeSpan.FromDays(365 * 100)).WaitAsync(Patience);

        Assert.False(result.IsError, result.Text);
        Assert.False(host.Running.IsCompleted);
    }
}
