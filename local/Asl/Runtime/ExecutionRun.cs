using ContinuousImprovement.Asl.Intrinsics;
using ContinuousImprovement.Asl.Json;

namespace ContinuousImprovement.Asl.Runtime;

/// <summary>What every state of one execution shares: the execution, its clock, and the fixed part of <c>$$</c>.</summary>
internal sealed class ExecutionRun
{
    private JsonObject? executionContext;

    public ExecutionRun(Execution execution, StateMachine machine, IClock clock, IIntrinsicEnvironment intrinsics, CancellationToken cancellation)
    {
        Execution = execution;
        Machine = machine;
        Clock = clock;
        Intrinsics = intrinsics;
        Cancellation = cancellation;
    }

    public Execution Execution { get; }

    public StateMachine Machine { get; }

    public IClock Clock { get; }

    public IIntrinsicEnvironment Intrinsics { get; }

    public CancellationToken Cancellation { get; }

    /// <summary>The context object's Execution and StateMachine members; built once, only when a state reads <c>$$</c>.</summary>
    public JsonObject ExecutionContext => executionContext ??= new JsonObject.Builder(2)
        .Set("Execution", new JsonObject.Builder(5)
            .Set("Id", JsonValue.From(Execution.Arn))
            .Set("Input", Execution.Input)
            .Set("Name", JsonValue.From(Execution.Name))
            .Set("RoleArn", JsonValue.From(Machine.RoleArn))
            .Set("StartTime", JsonValue.From(Timestamps.Format(Execution.StartDate)))
            .Set("RedriveCount", JsonValue.From(0))
            .Build())
        .Set("StateMachine", new JsonObject.Builder(2)
            .Set("Id", JsonValue.From(Machine.Arn))
            .Set("Name", JsonValue.From(Machine.Name))
            .Build())
        .Build();

    /// <summary>The same run under another cancellation (a Parallel branch or Map iteration that siblings can stop).</summary>
    public ExecutionRun WithCancellation(CancellationToken cancellation) =>
        new(Execution, Machine, Clock, Intrinsics, cancellation) { executionContext = executionContext };

    public void Record(HistoryEventType type, string? stateName = null, JsonValue? input = null, JsonValue? output = null, string? resource = null, string? error = null, string? cause = null, int? index = null) =>
        Execution.Record(type, Clock.Now, stateName, input, output, resource, error, cause, index);
}
