using ContinuousImprovement.Asl.Definition;
using ContinuousImprovement.Asl.Runtime;
using ContinuousImprovement.Asl.Json;

namespace ContinuousImprovement.Asl.States;

/// <summary>Moves to the Next of the first rule that holds, else to Default, else fails with States.NoChoiceMatched.</summary>
internal sealed class ChoiceState : State
{
    private readonly InputOutput io;
    private readonly List<(ChoiceCondition Condition, string Next)> rules = [];
    private readonly string? defaultNext;

    public ChoiceState(string name, FieldReader reader)
        : base(name, reader, transitions: false)
    {
        io = new InputOutput(reader, parameters: false, resultSelector: false, resultPath: false);
        defaultNext = reader.String("Default");
        var choices = reader.Array("Choices", required: true);
        if (choices is { Count: 0 })
        {
            reader.Problem("'Choices' must not be empty");
        }

        for (var i = 0; i < (choices?.Count ?? 0); i++)
        {
            if (choices![i] is not JsonObject obj)
            {
                reader.Problem($"Choices[{i}] must be an object");
                continue;
            }

            var rule = new FieldReader(obj, $"{reader.Where}.Choices[{i}]", reader.Problems);
            rule.String("Comment");
            var next = rule.String("Next", required: true);
            var condition = ChoiceCondition.Read(rule);
            rule.RejectUnknownFields();
            if (condition is not null && next is not null)
            {
                rules.Add((condition, next));
            }
        }
    }

    public override HistoryEventType EnteredEvent => HistoryEventType.ChoiceStateEntered;

    public override HistoryEventType? ExitedEvent => HistoryEventType.ChoiceStateExited;

    public override IEnumerable<string> Transitions => rules.Select(r => r.Next).Concat(defaultNext is null ? [] : [defaultNext]);

    public override ValueTask<StateOutcome> RunAsync(JsonValue input, StateScope scope)
    {
        var effective = io.SelectInput(input, scope);
        foreach (var (condition, next) in rules)
        {
            if (condition.Test(effective, scope))
            {
                return ValueTask.FromResult(new StateOutcome(io.SelectOutput(effective, scope), next));
            }
        }

        return defaultNext is null
            ? throw new AslRuntimeException(StatesErrors.NoChoiceMatched, $"No Matches! No choice rule of state '{Name}' matched and it has no Default.")
            : ValueTask.FromResult(new StateOutcome(io.SelectOutput(effective, scope), defaultNext));
    }
}
