using ContinuousImprovement.Asl.Json;

namespace ContinuousImprovement.Asl.Paths.Selectors;

/// <summary><c>.name</c> or <c>['name']</c>: a member of an object; nothing on any other value.</summary>
internal sealed class NameSelector(string name) : PathSelector
{
    public string Name { get; } = name;

    public override bool IsDefinite => true;

    public override string Description => $"the member '{Name}'";

    public override void Apply(JsonValue node, PathEvaluation evaluation, int next)
    {
        if (node is JsonObject obj && obj.TryGetValue(Name, out var value))
        {
            evaluation.Continue(next, value);
        }
    }

    public override bool TrySelectOne(JsonValue node, out JsonValue selected)
    {
        if (node is JsonObject obj && obj.TryGetValue(Name, out selected))
        {
            return true;
        }

        selected = null!;
        return false;
    }
}
