using ContinuousImprovement.Asl.Definition;
using ContinuousImprovement.Asl.Runtime;
using ContinuousImprovement.Asl.Json;

namespace ContinuousImprovement.Asl.States;

internal sealed class SucceedState : State
{
    private readonly InputOutput io;

    public SucceedState(string name, FieldReader reader)
        : base(name, reader, transitions: false)
    {
        io = new InputOutput(reader, parameters: false, resultSelector: false, resultPath: false);
    }

    public override HistoryEventType EnteredEvent => HistoryEventType.SucceedStateEntered;

    public override HistoryEventType? ExitedEvent => HistoryEventType.SucceedStateExited;

    public override ValueTask<StateOutcome> RunAsync(JsonValue input, StateScope scope) =>
        ValueTask.FromResult(new StateOutcome(io.SelectOutput(io.SelectInput(input, scope), scope), null));
}
