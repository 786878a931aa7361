using ContinuousImprovement.Asl.Json;

namespace ContinuousImprovement.Asl.Paths.Selectors;

/// <summary>
/// <c>..x</c>: applies the step <c>x</c> to the node and to every node below it, parents before children
/// (the order Jayway produces). Worked example: <c>$..*</c> on <c>{"a":{"b":1},"c":[2]}</c> gives
/// <c>[{"b":1},[2],1,2]</c>. A filter after <c>..</c> tests every object in the tree once.
/// </summary>
internal sealed class DeepScanSelector(PathSelector target) : PathSelector
{
    public PathSelector Target { get; } = target;

    public override bool IsDefinite => false;

    public override string Description => "the deep scan '..'";

    public override void Apply(JsonValue node, PathEvaluation evaluation, int next) => Walk(node, evaluation, next);

    private void Walk(JsonValue node, PathEvaluation evaluation, int next)
    {
        switch (node)
        {
            case JsonObject obj:
                if (Target is FilterSelector filter)
                {
                    if (filter.Expression.Matches(obj, evaluation.Root))
                    {
                        evaluation.Continue(next, obj);
                    }
                }
                else
                {
                    Target.Apply(obj, evaluation, next);
                }

                foreach (var member in obj)
                {
                    Walk(member.Value, evaluation, next);
                }

                break;
            case JsonArray array:
                if (Target is not FilterSelector)
                {
                    Target.Apply(array, evaluation, next);
                }

                foreach (var item in array.AsSpan())
                {
                    Walk(item, evaluation, next);
                }

                break;
        }
    }
}
