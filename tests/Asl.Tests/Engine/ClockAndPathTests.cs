using ContinuousImprovement.Asl.Json;
using ContinuousImprovement.Asl.Runtime;
using ContinuousImprovement.Asl.Tasks;

namespace ContinuousImprovement.Asl.Tests.Engine;

public sealed class ClockAndPathTests
{
    // An hour of machine time in 50 ms of real time: short enough to run, long enough to dwarf timer granularity.
    private const double HourIn50Milliseconds = 3600 * 20;

    private static readonly TimeSpan Generous = TimeSpan.FromMinutes(2);

    [Fact]
    public async Task A_scaled_system_clock_lets_an_hour_long_wait_finish_and_the_machine_sees_about_an_hour_pass()
    {
        var engine = new AslEngine(new AslEngineOptions { Clock = new SystemClock(HourIn50Milliseconds) });
        var machine = StateMachine.Load("""{"StartAt":"W","States":{"W":{"Type":"Wait","Seconds":3600,"End":true}}}""", "Scaled", new TaskRegistry());

        var execution = await engine.RunAsync(machine, JsonObject.Empty).WaitAsync(Generous);

        Assert.Equal(ExecutionStatus.Succeeded, execution.Status);
        var entered = execution.History.Single(e => e.Type == HistoryEventType.WaitStateEntered).Timestamp;
        var exited = execution.History.Single(e => e.Type == HistoryEventType.WaitStateExited).Timestamp;

        // At least most of the hour on the scaled clock (coarse tick counters may shave a few real milliseconds).
        Assert.True(exited - entered >= TimeSpan.FromMinutes(45), $"the scaled clock moved only {exited - entered} during the wait");
    }

    [Fact]
    public async Task A_scaled_system_clock_fires_an_hour_long_task_timeout()
    {
        var registry = new TaskRegistry();
        var never = new TaskCompletionSource<TaskResult>();
        registry.AddFunction(EngineHarness.Fn("Hang"), new DelegateTaskHandler((_, _) => new ValueTask<TaskResult>(never.Task)));
        var engine = new AslEngine(new AslEngineOptions { Clock = new SystemClock(HourIn50Milliseconds) });
        var machine = StateMachine.Load("""{"StartAt":"T","States":{"T":{"Type":"Task","Resource":"__0__","TimeoutSeconds":3600,"End":true}}}""".Replace("__0__", EngineHarness.Fn("Hang"), StringComparison.Ordinal), "Scaled", registry);

        var execution = await engine.RunAsync(machine, JsonObject.Empty).WaitAsync(Generous);

        Assert.Equal((ExecutionStatus.Failed, "States.Timeout"), (execution.Status, execution.Error));
    }

    [Fact]
    public void A_scale_of_zero_or_less_is_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new SystemClock(0));
        Assert.Throws<ArgumentOutOfRangeException>(() => new SystemClock(-2));
    }

    [Theory]
    [InlineData("""{"Type":"Pass","InputPath":"$.missing","End":true}""", "An error occurred while executing the state 'S'. Invalid path '$.missing' for InputPath: no value was found in '{\"present\":1}'")]
    [InlineData("""{"Type":"Pass","OutputPath":"$.missing","End":true}""", "An error occurred while executing the state 'S'. Invalid path '$.missing' for OutputPath: no value was found in '{\"present\":1}'")]
    [InlineData("""{"Type":"Pass","Parameters":{"x.$":"$.missing"},"End":true}""", "An error occurred while executing the state 'S'. The JSONPath '$.missing' specified for the field 'x.$' could not be found in the input '{\"present\":1}'")]
    [InlineData("""{"Type":"Choice","Choices":[{"Variable":"$.missing","NumericEquals":1,"Next":"End"}],"Default":"End"}""", "Invalid path '$.missing': The choice state 'S''s condition path references an invalid value.")]
    [InlineData("""{"Type":"Choice","Choices":[{"Variable":"$.present","NumericEqualsPath":"$.missing","Next":"End"}],"Default":"End"}""", "Invalid path '$.missing': The choice state 'S''s condition path references an invalid value.")]
    [InlineData("""{"Type":"Map","ItemsPath":"$.missing","ItemProcessor":{"StartAt":"I","States":{"I":{"Type":"Pass","End":true}}},"End":true}""", "Map state 'S': ItemsPath '$.missing' selects nothing in '{\"present\":1}'.")]
    [InlineData("""{"Type":"Wait","SecondsPath":"$.missing","End":true}""", "The SecondsPath '$.missing' of state 'S' does not select a whole number of seconds from 0 to 99999999.")]
    public async Task A_path_that_selects_nothing_is_a_runtime_error_whose_cause_names_the_path_and_the_state(string state, string cause)
    {
        var definition = """{"StartAt":"S","States":{"S":__0__,"End":{"Type":"Succeed"}}}""".Replace("__0__", state, StringComparison.Ordinal);
        if (!state.Contains("Choice", StringComparison.Ordinal))
        {
            definition = """{"StartAt":"S","States":{"S":__0__}}""".Replace("__0__", state, StringComparison.Ordinal);
        }

        var execution = await new EngineHarness().RunAsync(definition, """{"present":1}""");

        Assert.Equal((ExecutionStatus.Failed, "States.Runtime"), (execution.Status, execution.Error));
        Assert.Equal(cause, execution.Cause);
    }
}
