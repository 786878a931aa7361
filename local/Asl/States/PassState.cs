using ContinuousImprovement.Asl.Definition;
using ContinuousImprovement.Asl.Runtime;
using ContinuousImprovement.Asl.Json;

namespace ContinuousImprovement.Asl.States;

internal sealed class PassState : State
{
    private readonly InputOutput io;
    private readonly JsonValue? result;

    public PassState(string name, FieldReader reader)
        : base(name, reader, transitions: true)
    {
        io = new InputOutput(reader, parameters: true, resultSelector: false, resultPath: true);
        result = reader.Raw("Result");
    }

    public override HistoryEventType EnteredEvent => HistoryEventType.PassStateEntered;

    public override HistoryEventType? ExitedEvent => HistoryEventType.PassStateExited;

    public override ValueTask<StateOutcome> RunAsync(JsonValue input, StateScope scope)
    {
        var effective = io.EffectiveInput(input, scope);
        return ValueTask.FromResult(Done(io.Output(input, result ?? effective, scope)));
    }
}
