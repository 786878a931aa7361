using ContinuousImprovement.Asl.Json;

namespace ContinuousImprovement.Asl.Paths.Selectors;

/// <summary><c>[n]</c>: an array element; a negative index counts from the end (<c>[-1]</c> is the last).</summary>
internal sealed class IndexSelector(int index) : PathSelector
{
    public int Index { get; } = index;

    public override bool IsDefinite => true;

    public override string Description => $"the index [{Index}]";

    public override void Apply(JsonValue node, PathEvaluation evaluation, int next)
    {
        if (TrySelectOne(node, out var selected))
        {
            evaluation.Continue(next, selected);
        }
    }

    public override bool TrySelectOne(JsonValue node, out JsonValue selected)
    {
        if (node is JsonArray array)
        {
            var at = Index < 0 ? array.Count + Index : Index;
            if (at >= 0 && at < array.Count)
            {
                selected = array[at];
                return true;
            }
        }

        selected = null!;
        return false;
    }
}
