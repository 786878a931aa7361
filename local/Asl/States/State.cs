using ContinuousImprovement.Asl.Definition;
using ContinuousImprovement.Asl.Runtime;
using ContinuousImprovement.Asl.Json;

namespace ContinuousImprovement.Asl.States;

/// <summary>One state of a definition, compiled: its paths and templates parsed once at load time.</summary>
internal abstract class State
{
    protected State(string name, FieldReader reader, bool transitions)
    {
        Name = name;
        reader.String("Type");
        reader.String("Comment");
        if (!transitions)
        {
            return;
        }

        Next = reader.String("Next");
        End = reader.Boolean("End") ?? false;
        if (End && Next is not null)
        {
            reader.Problem("has both 'Next' and 'End'");
        }
        else if (!End && Next is null)
        {
            reader.Problem("needs 'Next' or 'End': true");
        }
    }

    public string Name { get; }

    public string? Next { get; }

    public bool End { get; }

    public abstract HistoryEventType EnteredEvent { get; }

    /// <summary>Null for states that end a machine without an exit event (Fail).</summary>
    public abstract HistoryEventType? ExitedEvent { get; }

    /// <summary>Names of the states this one can move to, for validating the definition.</summary>
    public virtual IEnumerable<string> Transitions => Next is null ? [] : [Next];

    /// <summary>Runs the state on its raw input. Failures are <see cref="AslRuntimeException"/>s.</summary>
    public abstract ValueTask<StateOutcome> RunAsync(JsonValue input, StateScope scope);

    protected StateOutcome Done(JsonValue output) => new(output, End ? null : Next);
}
