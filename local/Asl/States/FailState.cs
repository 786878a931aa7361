using ContinuousImprovement.Asl.Definition;
using ContinuousImprovement.Asl.Runtime;
using ContinuousImprovement.Asl.Json;
using ContinuousImprovement.Asl.Processing;

namespace ContinuousImprovement.Asl.States;

/// <summary>Ends the machine (or the branch, or the iteration) as failed, with a static or computed error and cause.</summary>
internal sealed class FailState : State
{
    private readonly string? error;
    private readonly string? cause;
    private readonly ValueSource? errorPath;
    private readonly ValueSource? causePath;

    public FailState(string name, FieldReader reader)
        : base(name, reader, transitions: false)
    {
        error = reader.String("Error");
        cause = reader.String("Cause");
        errorPath = reader.PathOrIntrinsic("ErrorPath");
        causePath = reader.PathOrIntrinsic("CausePath");
        if (error is not null && errorPath is not null)
        {
            reader.Problem("has both 'Error' and 'ErrorPath'");
        }

        if (cause is not null && causePath is not null)
        {
            reader.Problem("has both 'Cause' and 'CausePath'");
        }
    }

    public override HistoryEventType EnteredEvent => HistoryEventType.FailStateEntered;

    public override HistoryEventType? ExitedEvent => null;

    public override ValueTask<StateOutcome> RunAsync(JsonValue input, StateScope scope) =>
        ValueTask.FromResult(StateOutcome.Failed(Text(errorPath, error, "ErrorPath", input, scope) ?? "", Text(causePath, cause, "CausePath", input, scope) ?? ""));

    private static string? Text(ValueSource? source, string? fixedText, string field, JsonValue input, StateScope scope)
    {
        if (source is null)
        {
            return fixedText;
        }

        return source.Evaluate(input, scope, $"'{field}'") is JsonString s
            ? s.Value
            : throw new AslRuntimeException(StatesErrors.Runtime, $"The value of {field} '{source.Text}' in state '{scope.StateName}' is not a string.");
    }
}
