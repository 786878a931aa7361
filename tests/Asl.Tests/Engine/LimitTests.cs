using ContinuousImprovement.Asl.Json;
using ContinuousImprovement.Asl.Runtime;
using ContinuousImprovement.Asl.Tasks;

namespace ContinuousImprovement.Asl.Tests.Engine;

public sealed class LimitTests
{
    private const int Limit = 256 * 1024;

    // Parameters doubles a string taken from the input, so a small-enough state input becomes a too-large task input.
    private const string Doubling = """
        {"StartAt":"T","States":{"T":{"Type":"Task","Resource":"@fn(Count)","Parameters":{"a.$":"$.s","b.$":"$.s"},CATCH"End":true},"Caught":{"Type":"Succeed"}}}
        """;

    private static (EngineHarness Harness, Func<int> Calls) CountingHarness()
    {
        var calls = 0;
        var harness = new EngineHarness();
        harness.Registry.AddFunction(EngineHarness.Fn("Count"), DelegateTaskHandler.Sync(_ =>
        {
            Interlocked.Increment(ref calls);
            return JsonValue.From("ok");
        }));
        return (harness, () => Volatile.Read(ref calls));
    }

    private static string Catching(string errorEquals) =>
        Doubling.Replace("CATCH", $"\"Catch\":[{{\"ErrorEquals\":[\"{errorEquals}\"],\"ResultPath\":null,\"Next\":\"Caught\"}}],", StringComparison.Ordinal);

    private static string Input(int length) => $"{{\"s\":\"{new string('x', length)}\"}}";

    [Fact]
    public async Task A_task_input_built_by_parameters_beyond_256_KiB_fails_with_data_limit_exceeded_without_calling_the_resource()
    {
        var (harness, calls) = CountingHarness();

        var execution = await harness.RunAsync(Catching("Unrelated"), Input(Limit / 2));

        Assert.Equal((ExecutionStatus.Failed, "States.DataLimitExceeded"), (execution.Status, execution.Error));
        Assert.Equal($"The input of state 'T' after InputPath and Parameters is larger than {Limit} bytes.", execution.Cause);
        Assert.Equal(0, calls());
    }

    [Fact]
    public async Task A_task_input_just_under_256_KiB_is_passed_to_the_resource()
    {
        var (harness, calls) = CountingHarness();

        // {"a":"…","b":"…"} is 2 × length + 15 bytes.
        var execution = await harness.RunAsync(Catching("Unrelated"), Input((Limit - 15) / 2));

        Assert.Equal(ExecutionStatus.Succeeded, execution.Status);
        Assert.Equal(1, calls());
    }

    [Theory]
    [InlineData("States.ALL", ExecutionStatus.Failed)]
    [InlineData("States.TaskFailed", ExecutionStatus.Failed)]
    [InlineData("States.DataLimitExceeded", ExecutionStatus.Succeeded)]
    public async Task An_oversized_task_input_is_caught_only_by_its_own_name(string errorEquals, ExecutionStatus status)
    {
        var (harness, _) = CountingHarness();
        var definition = Catching(errorEquals);

        // The state input must stay small enough to come back out through ResultPath null, so the doubling alone breaks the limit.
        var execution = await harness.RunAsync(definition, Input((Limit / 2) + 100));

        Assert.Equal(status, execution.Status);
    }
}
