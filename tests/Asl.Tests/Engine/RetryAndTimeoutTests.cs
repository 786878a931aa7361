using ContinuousImprovement.Asl.Intrinsics;
using ContinuousImprovement.Asl.Json;
using ContinuousImprovement.Asl.Runtime;
using ContinuousImprovement.Asl.Tasks;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace ContinuousImprovement.Asl.Tests.Engine;

public sealed class RetryAndTimeoutTests
{
    private static readonly TimeSpan Generous = TimeSpan.FromSeconds(30);

    /// <summary>A task that never finishes on its own, counting its calls and handing each invocation to the test.</summary>
    private static (EngineHarness Harness, Func<int> Calls, Task<TaskInvocation> FirstCall) HangingHarness()
    {
        var calls = 0;
        var first = new TaskCompletionSource<TaskInvocation>(TaskCreationOptions.RunContinuationsAsynchronously);
        var never = new TaskCompletionSource<TaskResult>();
        var harness = new EngineHarness();
        harness.Registry.AddFunction(EngineHarness.Fn("Hang"), new DelegateTaskHandler((invocation, _) =>
        {
            Interlocked.Increment(ref calls);
            first.TrySetResult(invocation);
            return new ValueTask<TaskResult>(never.Task);
        }));
        return (harness, () => Volatile.Read(ref calls), first.Task);
    }

    [Theory]
    [InlineData("States.TaskFailed", ExecutionStatus.Failed)]
    [InlineData("States.Timeout", ExecutionStatus.Succeeded)]
    [InlineData("States.ALL", ExecutionStatus.Succeeded)]
    public async Task States_TaskFailed_in_a_catch_does_not_catch_a_task_timeout(string errorEquals, ExecutionStatus status)
    {
        var (harness, _, _) = HangingHarness();
        var machine = harness.Load("""
            {"StartAt":"T","States":{"T":{"Type":"Task","Resource":"@fn(Hang)","TimeoutSeconds":5,
              "Catch":[{"ErrorEquals":["__0__"],"Next":"Caught"}],"End":true},"Caught":{"Type":"Succeed"}}}
            """.Replace("__0__", errorEquals, StringComparison.Ordinal));
        var execution = harness.Engine.Start(machine, JsonObject.Empty);

        harness.Clock.Advance(TimeSpan.FromSeconds(6));
        await execution.Completion.WaitAsync(Generous);

        Assert.Equal(status, execution.Status);
        if (status == ExecutionStatus.Failed)
        {
            Assert.Equal("States.Timeout", execution.Error);
        }
    }

    [Fact]
    public async Task States_TaskFailed_in_a_retrier_does_not_retry_a_task_timeout()
    {
        var (harness, calls, _) = HangingHarness();
        var machine = harness.Load("""
            {"StartAt":"T","States":{"T":{"Type":"Task","Resource":"@fn(Hang)","TimeoutSeconds":5,
              "Retry":[{"ErrorEquals":["States.TaskFailed"],"MaxAttempts":3}],"End":true}}}
            """);
        var execution = harness.Engine.Start(machine, JsonObject.Empty);

        harness.Clock.Advance(TimeSpan.FromSeconds(6));
        await execution.Completion.WaitAsync(Generous);

        Assert.Equal((ExecutionStatus.Failed, "States.Timeout"), (execution.Status, execution.Error));
        Assert.Equal(1, calls());
    }

    [Fact]
    public async Task States_TaskFailed_does_catch_any_other_task_error()
    {
        var harness = new EngineHarness().Function("Fails", _ => TaskResult.Failure("My.Error", "boom"));

        var execution = await harness.RunAsync("""
            {"StartAt":"T","States":{"T":{"Type":"Task","Resource":"@fn(Fails)",
              "Catch":[{"ErrorEquals":["States.TaskFailed"],"Next":"Caught"}],"End":true},"Caught":{"Type":"Succeed"}}}
            """);

        Assert.Equal(JsonValue.Parse("""{"Error":"My.Error","Cause":"boom"}"""), execution.Output);
    }

    [Fact]
    public async Task TimeoutSecondsPath_takes_the_timeout_from_the_input()
    {
        var (harness, _, firstCall) = HangingHarness();
        var started = harness.Clock.Now;
        var execution = harness.Engine.Start(
            harness.Load("""{"StartAt":"T","States":{"T":{"Type":"Task","Resource":"@fn(Hang)","TimeoutSecondsPath":"$.limit","End":true}}}"""),
            JsonValue.Parse("""{"limit":30}"""));
        var invocation = await firstCall.WaitAsync(Generous);

        Assert.Equal(started.AddSeconds(30), invocation.Deadline);
        harness.Clock.Advance(TimeSpan.FromSeconds(29));
        Assert.False(execution.Completion.IsCompleted);
        harness.Clock.Advance(TimeSpan.FromSeconds(2));
        await execution.Completion.WaitAsync(Generous);
        Assert.Equal((ExecutionStatus.Failed, "States.Timeout"), (execution.Status, execution.Error));
    }

    [Fact]
    public async Task HeartbeatSecondsPath_takes_the_heartbeat_interval_from_the_input()
    {
        var (harness, _, firstCall) = HangingHarness();
        var execution = harness.Engine.Start(
            harness.Load("""{"StartAt":"T","States":{"T":{"Type":"Task","Resource":"@fn(Hang)","HeartbeatSecondsPath":"$.beat","TimeoutSeconds":100,"End":true}}}"""),
            JsonValue.Parse("""{"beat":10}"""));
        var invocation = await firstCall.WaitAsync(Generous);

        Assert.Equal(TimeSpan.FromSeconds(10), invocation.Heartbeat!.Interval);
        harness.Clock.Advance(TimeSpan.FromSeconds(11));
        await execution.Completion.WaitAsync(Generous);
        Assert.Equal((ExecutionStatus.Failed, "States.HeartbeatTimeout"), (execution.Status, execution.Error));
    }

    [Theory]
    [InlineData("TimeoutSecondsPath", """{"v":0}""")]
    [InlineData("TimeoutSecondsPath", """{"v":-5}""")]
    [InlineData("TimeoutSecondsPath", """{"v":1.5}""")]
    [InlineData("TimeoutSecondsPath", """{"v":"30"}""")]
    [InlineData("TimeoutSecondsPath", """{}""")]
    [InlineData("HeartbeatSecondsPath", """{"v":0}""")]
    [InlineData("HeartbeatSecondsPath", """{"v":null}""")]
    [InlineData("HeartbeatSecondsPath", """{}""")]
    public async Task A_timeout_or_heartbeat_path_without_a_positive_whole_number_is_a_runtime_error_naming_the_state(string field, string input)
    {
        var harness = new EngineHarness().Function("Echo", x => x);

        var execution = await harness.RunAsync("""{"StartAt":"Call","States":{"Call":{"Type":"Task","Resource":"@fn(Echo)","__0__":"$.v","End":true}}}""".Replace("__0__", field, StringComparison.Ordinal), input);

        Assert.Equal((ExecutionStatus.Failed, "States.Runtime"), (execution.Status, execution.Error));
        Assert.Equal($"The {field} '$.v' of state 'Call' does not select a positive whole number.", execution.Cause);
    }

    [Theory]
    [InlineData(25, ExecutionStatus.Succeeded)]
    [InlineData(24.9, ExecutionStatus.Failed)]
    [InlineData(0, ExecutionStatus.Failed)]
    public async Task ToleratedFailurePercentagePath_takes_the_tolerated_share_from_the_input(double percentage, ExecutionStatus status)
    {
        var harness = new EngineHarness().Function("OneInFour", x => ((JsonNumber)x).Value == 1 ? TaskResult.Failure("Bad", "item failed") : x);

        var execution = await harness.RunAsync(
            """{"StartAt":"M","States":{"M":{"Type":"Map","ItemsPath":"$.items","ToleratedFailurePercentagePath":"$.share","ItemProcessor":{"StartAt":"W","States":{"W":{"Type":"Task","Resource":"@fn(OneInFour)","End":true}}},"End":true}}}""",
            """{"items":[0,1,2,3],"share":__0__}""".Replace("__0__", percentage.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal));

        Assert.Equal(status, execution.Status);
        if (status == ExecutionStatus.Failed)
        {
            Assert.Equal("States.ExceedToleratedFailureThreshold", execution.Error);
        }
        else
        {
            Assert.Equal(JsonValue.Parse("""[0,{"Error":"Bad","Cause":"item failed"},2,3]"""), execution.Output);
        }
    }

    [Theory]
    [InlineData("101")]
    [InlineData("-1")]
    [InlineData("\"25\"")]
    public async Task A_tolerated_failure_percentage_path_outside_0_to_100_is_a_runtime_error_naming_the_state(string share)
    {
        var harness = new EngineHarness().Function("Echo", x => x);

        var execution = await harness.RunAsync(
            """{"StartAt":"M","States":{"M":{"Type":"Map","ToleratedFailurePercentagePath":"$.share","ItemsPath":"$.items","ItemProcessor":{"StartAt":"W","States":{"W":{"Type":"Task","Resource":"@fn(Echo)","End":true}}},"End":true}}}""",
            """{"items":[1],"share":__0__}""".Replace("__0__", share, StringComparison.Ordinal));

        Assert.Equal((ExecutionStatus.Failed, "States.Runtime"), (execution.Status, execution.Error));
        Assert.Equal("Map state 'M': '$.share' does not select a number from 0 to 100.", execution.Cause);
    }

    private const string AlwaysFailingWithRetries = """
        {"StartAt":"T","States":{"T":{"Type":"Task","Resource":"@fn(Fails)",
          "Retry":[{"ErrorEquals":["Transient"],"IntervalSeconds":4,"BackoffRate":2,"MaxAttempts":3,"JitterStrategy":"JITTER"}],"End":true}}}
        """;

    /// <summary>The waits between each failed attempt and the next, read off the execution history on virtual time.</summary>
    private static async Task<TimeSpan[]> RetryDelaysAsync(string jitter, IIntrinsicEnvironment random)
    {
        var harness = new EngineHarness().Function("Fails", _ => TaskResult.Failure("Transient", "again"));
        var engine = new AslEngine(new AslEngineOptions { Clock = harness.Clock, Intrinsics = random });

        var execution = await engine.RunAsync(harness.Load(AlwaysFailingWithRetries.Replace("JITTER", jitter, StringComparison.Ordinal)), JsonObject.Empty);

        Assert.Equal("Transient", execution.Error);
        var failed = execution.History.Where(e => e.Type == HistoryEventType.LambdaFunctionFailed).Select(e => e.Timestamp).ToList();
        var scheduled = execution.History.Where(e => e.Type == HistoryEventType.LambdaFunctionScheduled).Select(e => e.Timestamp).ToList();
        Assert.Equal(4, scheduled.Count);
        return [.. Enumerable.Range(0, 3).Select(i => scheduled[i + 1] - failed[i])];
    }

    private static readonly TimeSpan[] Computed = [TimeSpan.FromSeconds(4), TimeSpan.FromSeconds(8), TimeSpan.FromSeconds(16)];

    [Fact]
    public async Task Without_jitter_the_retry_delays_are_exactly_the_computed_backoff()
    {
        var delays = await RetryDelaysAsync("NONE", new FixedRandom([0.5]));

        Assert.Equal(Computed, delays);
    }

    [Property(MaxTest = 50)]
    public Property With_full_jitter_each_retry_delay_is_the_random_share_of_the_computed_backoff() =>
        Prop.ForAll(
            Gen.Choose(0, 999_999).Select(i => i / 1_000_000.0).ArrayOf(3).ToArbitrary(),
            fractions =>
            {
                var delays = RetryDelaysAsync("FULL", new FixedRandom(fractions)).GetAwaiter().GetResult();
                for (var i = 0; i < 3; i++)
                {
                    Assert.InRange(delays[i], TimeSpan.Zero, Computed[i]);
                    Assert.InRange(Math.Abs((delays[i] - (Computed[i] * fractions[i])).TotalMilliseconds), 0, 1);
                }
            });

    [Fact]
    public async Task Full_jitter_with_the_engines_own_randomness_stays_within_the_computed_backoff_and_differs_from_none()
    {
        var jittered = await RetryDelaysAsync("FULL", DefaultIntrinsicEnvironment.Instance);

        for (var i = 0; i < 3; i++)
        {
            Assert.InRange(jittered[i], TimeSpan.Zero, Computed[i]);
        }

        // All three delays equal to the full backoff has probability zero for a uniform draw in [0, 1).
        Assert.NotEqual(Computed, jittered);
    }

    /// <summary>Randomness the test chooses: returns the given numbers in turn, then repeats them.</summary>
    private sealed class FixedRandom(IReadOnlyList<double> numbers) : IIntrinsicEnvironment
    {
        private int next;

        public double NextRandom() => numbers[next++ % numbers.Count];

        public Guid NewGuid() => Guid.Empty;
    }
}
