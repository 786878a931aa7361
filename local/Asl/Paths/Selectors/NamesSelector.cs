using ContinuousImprovement.Asl.Json;

namespace ContinuousImprovement.Asl.Paths.Selectors;

/// <summary>
/// <c>['a','b']</c>. As Jayway (the library behind Step Functions) does, the last step of a path merges the
/// named members into one object (<c>$['a','b']</c> on <c>{"a":1,"b":2,"c":3}</c> gives <c>{"a":1,"b":2}</c>,
/// a definite result); anywhere else it continues with each present member in turn.
/// </summary>
internal sealed class NamesSelector(string[] names, bool merge) : PathSelector
{
    public IReadOnlyList<string> Names { get; } = names;

    public bool Merges { get; } = merge;

    public override bool IsDefinite => Merges;

    public override string Description => $"the union [{string.Join(",", names.Select(n => $"'{n}'"))}]";

    public NamesSelector AsMerge() => new(names, merge: true);

    public override void Apply(JsonValue node, PathEvaluation evaluation, int next)
    {
        if (node is not JsonObject obj)
        {
            return;
        }

        if (Merges)
        {
            evaluation.Continue(next, Merge(obj));
            return;
        }

        foreach (var name in names)
        {
            if (obj.TryGetValue(name, out var value))
            {
                evaluation.Continue(next, value);
            }
        }
    }

    public override bool TrySelectOne(JsonValue node, out JsonValue selected)
    {
        if (Merges && node is JsonObject obj)
        {
            selected = Merge(obj);
            return true;
        }

        selected = null!;
        return false;
    }

    private JsonObject Merge(JsonObject obj)
    {
        var builder = new JsonObject.Builder(names.Length);
        foreach (var name in names)
        {
            if (obj.TryGetValue(name, out var value))
            {
                builder.Set(name, value);
            }
        }

        return builder.Build();
    }
}
