using ContinuousImprovement.Asl.Json;

namespace ContinuousImprovement.Asl.Paths.Selectors;

/// <summary><c>[0,2,-1]</c>: the listed array elements, in the order listed; missing ones are skipped.</summary>
internal sealed class IndexesSelector(int[] indexes) : PathSelector
{
    public override bool IsDefinite => false;

    public override string Description => $"the union [{string.Join(",", indexes)}]";

    public override void Apply(JsonValue node, PathEvaluation evaluation, int next)
    {
        if (node is not JsonArray array)
        {
            return;
        }

        foreach (var index in indexes)
        {
            var at = index < 0 ? array.Count + index : index;
            if (at >= 0 && at < array.Count)
            {
                evaluation.Continue(next, array[at]);
            }
        }
    }
}
