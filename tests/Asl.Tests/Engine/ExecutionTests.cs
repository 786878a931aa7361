using System.Diagnostics;
using ContinuousImprovement.Asl.Runtime;
using ContinuousImprovement.Asl.Json;
using ContinuousImprovement.Asl.Tasks;

namespace ContinuousImprovement.Asl.Tests.Engine;

public sealed class ExecutionTests
{
    [Fact]
    public async Task A_lambda_invoke_task_gets_its_payload_and_returns_the_wrapped_response()
    {
        var harness = new EngineHarness().Function("Double", x => JsonValue.From(((JsonNumber)((JsonObject)x)["n"]!).Value * 2));
        const string Definition = """
            {"StartAt":"Call","States":{"Call":{"Type":"Task","Resource":"arn:aws:states:::lambda:invoke",
              "Parameters":{"FunctionName":"arn:aws:lambda:us-east-1:123456789012:function:Double","Payload":{"n.$":"$.value"}},
              "ResultSelector":{"doubled.$":"$.Payload","status.$":"$.StatusCode"},"End":true}}}
            """;

        var execution = await harness.RunAsync(Definition, """{"value":21}""");

        Assert.Equal(ExecutionStatus.Succeeded, execution.Status);
        Assert.Equal(JsonValue.Parse("""{"doubled":42,"status":200}"""), execution.Output);
    }

    [Fact]
    public async Task The_history_names_events_as_step_functions_does()
    {
        var harness = new EngineHarness().Function("Echo", x => x);
        var execution = await harness.RunAsync("""{"StartAt":"T","States":{"T":{"Type":"Task","Resource":"@fn(Echo)","Next":"P"},"P":{"Type":"Pass","End":true}}}""");

        Assert.Equal(
            [
                HistoryEventType.ExecutionStarted, HistoryEventType.TaskStateEntered, HistoryEventType.LambdaFunctionScheduled,
                HistoryEventType.LambdaFunctionStarted, HistoryEventType.LambdaFunctionSucceeded, HistoryEventType.TaskStateExited,
                HistoryEventType.PassStateEntered, HistoryEventType.PassStateExited, HistoryEventType.ExecutionSucceeded,
            ],
            execution.History.Select(e => e.Type));
        Assert.Equal(Enumerable.Range(1, 9).Select(i => (long)i), execution.History.Select(e => e.Id));
        Assert.Equal("{\"name\":\"T\",\"input\":\"{}\"}", execution.History[1].ToJson()["stateEnteredEventDetails"]!.ToJson());
    }

    [Fact]
    public async Task A_wait_of_an_hour_takes_no_real_time_on_virtual_time()
    {
        var harness = new EngineHarness();
        var started = harness.Clock.Now;
        var watch = Stopwatch.StartNew();

        var execution = await harness.RunAsync("""{"StartAt":"W","States":{"W":{"Type":"Wait","Seconds":3600,"End":true}}}""");

        Assert.Equal(ExecutionStatus.Succeeded, execution.Status);
        Assert.Equal(TimeSpan.FromHours(1), harness.Clock.Now - started);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task Retries_wait_with_exponential_backoff_capped_by_max_delay()
    {
        var calls = 0;
        var harness = new EngineHarness();
        harness.Registry.AddFunction(EngineHarness.Fn("Flaky"), DelegateTaskHandler.Sync(x => ++calls < 4 ? throw new TaskFailedException("Transient", "try again") : x));
        var started = harness.Clock.Now;

        var execution = await harness.RunAsync("""
            {"StartAt":"T","States":{"T":{"Type":"Task","Resource":"@fn(Flaky)",
              "Retry":[{"ErrorEquals":["Transient"],"IntervalSeconds":2,"BackoffRate":3,"MaxDelaySeconds":10,"MaxAttempts":5}],"End":true}}}
            """);

        Assert.Equal(ExecutionStatus.Succeeded, execution.Status);
        Assert.Equal(4, calls);
        Assert.Equal(TimeSpan.FromSeconds(2 + 6 + 10), harness.Clock.Now - started);
    }

    [Fact]
    public async Task A_task_slower_than_its_timeout_fails_with_states_timeout()
    {
        var harness = new EngineHarness();
        var release = new TaskCompletionSource<TaskResult>();
        harness.Registry.AddFunction(EngineHarness.Fn("Slow"), new DelegateTaskHandler((_, _) => new ValueTask<TaskResult>(release.Task)));
        var execution = harness.Engine.Start(harness.Load("""{"StartAt":"T","States":{"T":{"Type":"Task","Resource":"@fn(Slow)","TimeoutSeconds":30,"End":true}}}"""), JsonObject.Empty);

        harness.Clock.Advance(TimeSpan.FromSeconds(31));
        await execution.Completion.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal((ExecutionStatus.Failed, "States.Timeout"), (execution.Status, execution.Error));
        Assert.Contains(execution.History, e => e.Type == HistoryEventType.LambdaFunctionTimedOut);
    }

    [Fact]
    public async Task A_task_silent_for_longer_than_its_heartbeat_fails_with_heartbeat_timeout()
    {
        var harness = new EngineHarness();
        var never = new TaskCompletionSource<TaskResult>();
        harness.Registry.AddFunction(EngineHarness.Fn("Quiet"), new DelegateTaskHandler((_, _) => new ValueTask<TaskResult>(never.Task)));
        var execution = harness.Engine.Start(harness.Load("""{"StartAt":"T","States":{"T":{"Type":"Task","Resource":"@fn(Quiet)","HeartbeatSeconds":10,"TimeoutSeconds":100,"End":true}}}"""), JsonObject.Empty);

        harness.Clock.Advance(TimeSpan.FromSeconds(11));
        await execution.Completion.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal((ExecutionStatus.Failed, "States.HeartbeatTimeout"), (execution.Status, execution.Error));
    }

    [Fact]
    public async Task A_task_that_keeps_beating_may_run_past_its_heartbeat_interval()
    {
        var harness = new EngineHarness();
        var done = new TaskCompletionSource<TaskResult>();
        var started = new TaskCompletionSource<TaskHeartbeat>();
        harness.Registry.AddFunction(EngineHarness.Fn("Busy"), new DelegateTaskHandler((invocation, _) =>
        {
            started.SetResult(invocation.Heartbeat!);
            return new ValueTask<TaskResult>(done.Task);
        }));
        var execution = harness.Engine.Start(harness.Load("""{"StartAt":"T","States":{"T":{"Type":"Task","Resource":"@fn(Busy)","HeartbeatSeconds":10,"End":true}}}"""), JsonObject.Empty);
        var heartbeat = await started.Task.WaitAsync(TimeSpan.FromSeconds(10));

        for (var i = 0; i < 5; i++)
        {
            harness.Clock.Advance(TimeSpan.FromSeconds(8));
            heartbeat.Beat();
        }

        done.SetResult(JsonValue.From("finished"));
        await execution.Completion.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal(ExecutionStatus.Succeeded, execution.Status);
        Assert.Equal(JsonValue.From("finished"), execution.Output);
    }

    [Fact]
    public async Task Stopping_an_execution_aborts_it_with_the_given_reason()
    {
        var harness = new EngineHarness();
        harness.Registry.AddFunction(EngineHarness.Fn("Hang"), new DelegateTaskHandler(async (_, token) =>
        {
            await Task.Delay(Timeout.Infinite, token);
            return (TaskResult)JsonValue.Null;
        }));
        var execution = harness.Engine.Start(harness.Load("""{"StartAt":"T","States":{"T":{"Type":"Task","Resource":"@fn(Hang)","End":true}}}"""), JsonObject.Empty);

        execution.Stop("Operator", "stopped by hand");
        await execution.Completion.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal((ExecutionStatus.Aborted, "Operator", "stopped by hand"), (execution.Status, execution.Error, execution.Cause));
        Assert.Equal(HistoryEventType.ExecutionAborted, execution.History[^1].Type);
    }

    [Fact]
    public async Task A_task_failure_returned_as_a_value_is_retried_and_caught_like_a_thrown_one()
    {
        var calls = 0;
        var harness = new EngineHarness();
        harness.Registry.AddFunction(EngineHarness.Fn("Flaky"), DelegateTaskHandler.Sync(_ => ++calls <= 2 ? TaskResult.Failure("Transient", "again") : TaskResult.Failure("Fatal", "gave up")));

        var execution = await harness.RunAsync("""
            {"StartAt":"T","States":{"T":{"Type":"Task","Resource":"@fn(Flaky)",
              "Retry":[{"ErrorEquals":["Transient"],"MaxAttempts":5}],
              "Catch":[{"ErrorEquals":["Fatal"],"ResultPath":"$.failure","Next":"Done"}],"End":true},"Done":{"Type":"Succeed"}}}
            """);

        Assert.Equal(3, calls);
        Assert.Equal(JsonValue.Parse("""{"failure":{"Error":"Fatal","Cause":"gave up"}}"""), execution.Output);
        Assert.Equal(2, execution.History.Count(e => e.Type == HistoryEventType.LambdaFunctionFailed && e.Error == "Transient"));
    }

    [Fact]
    public async Task A_task_that_throws_an_ordinary_exception_fails_with_the_exception_name_and_can_be_caught()
    {
        var harness = new EngineHarness().Function("Boom", _ => throw new InvalidOperationException("kaput"));

        var execution = await harness.RunAsync("""
            {"StartAt":"T","States":{"T":{"Type":"Task","Resource":"@fn(Boom)",
              "Catch":[{"ErrorEquals":["InvalidOperationException"],"ResultPath":"$.error","Next":"Done"}],"End":true},"Done":{"Type":"Succeed"}}}
            """);

        Assert.Equal(JsonValue.Parse("""{"error":{"Error":"InvalidOperationException","Cause":"kaput"}}"""), execution.Output);
    }

    [Fact]
    public async Task A_result_larger_than_256_KiB_fails_with_data_limit_exceeded_which_states_all_does_not_catch()
    {
        var harness = new EngineHarness().Function("Big", _ => JsonValue.From(new string('x', 300_000)));

        var execution = await harness.RunAsync("""
            {"StartAt":"T","States":{"T":{"Type":"Task","Resource":"@fn(Big)",
              "Catch":[{"ErrorEquals":["States.ALL"],"Next":"Done"}],"End":true},"Done":{"Type":"Succeed"}}}
            """);

        Assert.Equal((ExecutionStatus.Failed, "States.DataLimitExceeded"), (execution.Status, execution.Error));
    }

    [Fact]
    public async Task An_execution_past_25000_history_events_fails()
    {
        var harness = new EngineHarness();
        var execution = await harness.RunAsync("""
            {"StartAt":"Loop","States":{"Loop":{"Type":"Pass","Next":"Loop"}}}
            """);

        Assert.Equal(ExecutionStatus.Failed, execution.Status);
        Assert.Contains("25000 history events", execution.Cause, StringComparison.Ordinal);
    }

    [Fact]
    public void Execution_names_are_unique_per_state_machine()
    {
        var harness = new EngineHarness();
        var machine = harness.Load("""{"StartAt":"W","States":{"W":{"Type":"Wait","Seconds":1,"End":true}}}""");
        harness.Engine.Start(machine, JsonObject.Empty, "upload-1");

        Assert.Throws<InvalidOperationException>(() => harness.Engine.Start(machine, JsonObject.Empty, "upload-1"));
    }

    [Fact]
    public async Task Many_executions_run_concurrently_and_each_gets_its_own_result()
    {
        var harness = new EngineHarness().Function("Inc", x => JsonValue.From(((JsonNumber)x).Value + 1));
        var machine = harness.Load("""{"StartAt":"T","States":{"T":{"Type":"Task","Resource":"@fn(Inc)","End":true}}}""");

        var results = await Task.WhenAll(Enumerable.Range(0, 500).Select(i => harness.Engine.RunAsync(machine, JsonValue.From(i))));

        Assert.Equal(Enumerable.Range(1, 500).Select(i => JsonValue.From(i)), results.Select(r => r.Output));
    }

    [Fact]
    public async Task A_map_never_runs_more_iterations_at_once_than_max_concurrency()
    {
        var harness = new EngineHarness();
        var running = 0;
        var peak = 0;
        harness.Registry.AddFunction(EngineHarness.Fn("Work"), new DelegateTaskHandler(async (invocation, _) =>
        {
            var now = Interlocked.Increment(ref running);
            InterlockedMax(ref peak, now);
            await Task.Yield();
            Interlocked.Decrement(ref running);
            return (TaskResult)invocation.Input;
        }));

        var execution = await harness.RunAsync("""
            {"StartAt":"M","States":{"M":{"Type":"Map","MaxConcurrency":3,"ItemProcessor":{"StartAt":"W","States":{"W":{"Type":"Task","Resource":"@fn(Work)","End":true}}},"End":true}}}
            """, "[1,2,3,4,5,6,7,8,9,10]");

        Assert.Equal(JsonValue.Parse("[1,2,3,4,5,6,7,8,9,10]"), execution.Output);
        Assert.InRange(peak, 1, 3);
    }

    [Theory]
    [InlineData("\"ToleratedFailureCount\":1", ExecutionStatus.Succeeded)]
    [InlineData("\"ToleratedFailureCount\":0", ExecutionStatus.Failed)]
    [InlineData("\"ToleratedFailurePercentage\":25", ExecutionStatus.Succeeded)]
    [InlineData("\"ToleratedFailurePercentage\":20", ExecutionStatus.Failed)]
    [InlineData("\"ToleratedFailureCountPath\":\"$.tolerate\"", ExecutionStatus.Succeeded)]
    public async Task A_map_tolerates_failed_items_up_to_its_threshold_and_keeps_their_errors(string tolerance, ExecutionStatus status)
    {
        var harness = new EngineHarness().Function("OddFails", x => ((JsonNumber)x).Value % 4 == 1 ? TaskResult.Failure("Odd", "item failed") : x);

        var execution = await harness.RunAsync(
            """{"StartAt":"M","States":{"M":{"Type":"Map","ItemsPath":"$.items",TOLERANCE,"ItemProcessor":{"StartAt":"W","States":{"W":{"Type":"Task","Resource":"@fn(OddFails)","End":true}}},"End":true}}}""".Replace("TOLERANCE", tolerance, StringComparison.Ordinal),
            """{"items":[0,1,2,3],"tolerate":1}""");

        Assert.Equal(status, execution.Status);
        if (status == ExecutionStatus.Succeeded)
        {
            Assert.Equal(JsonValue.Parse("""[0,{"Error":"Odd","Cause":"item failed"},2,3]"""), execution.Output);
        }
        else
        {
            Assert.Equal("States.ExceedToleratedFailureThreshold", execution.Error);
        }
    }

    private static void InterlockedMax(ref int target, int value)
    {
        int current;
        while (value > (current = Volatile.Read(ref target)) && Interlocked.CompareExchange(ref target, value, current) != current)
        {
        }
    }
}
