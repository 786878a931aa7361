using ContinuousImprovement.Asl.Json;

namespace ContinuousImprovement.Asl.Paths.Selectors;

/// <summary>
/// <c>[start:end:step]</c> over an array, with Python slice rules: bounds may be negative (counted from the
/// end) or omitted, the end is exclusive, and a negative step walks backwards.
/// Worked example: on <c>[0,1,2,3,4]</c>, <c>[1:4]</c> gives <c>[1,2,3]</c>, <c>[-2:]</c> gives <c>[3,4]</c>,
/// <c>[::2]</c> gives <c>[0,2,4]</c> and <c>[::-1]</c> gives <c>[4,3,2,1,0]</c>.
/// </summary>
internal sealed class SliceSelector(int? start, int? end, int step) : PathSelector
{
    public override bool IsDefinite => false;

    public override string Description => $"the slice [{start}:{end}{(step == 1 ? string.Empty : ":" + step)}]";

    public override void Apply(JsonValue node, PathEvaluation evaluation, int next)
    {
        if (node is not JsonArray array)
        {
            return;
        }

        var count = array.Count;
        if (step > 0)
        {
            var from = Clamp(start ?? 0, count, 0, count);
            var to = Clamp(end ?? count, count, 0, count);
            for (var i = from; i < to; i += step)
            {
                evaluation.Continue(next, array[i]);
            }
        }
        else
        {
            var from = Clamp(start ?? count - 1, count, -1, count - 1);
            var to = end is { } e ? Clamp(e, count, -1, count - 1) : -1;
            for (var i = from; i > to; i += step)
            {
                evaluation.Continue(next, array[i]);
            }
        }
    }

    private static int Clamp(int bound, int count, int low, int high)
    {
        var at = bound < 0 ? bound + count : bound;
        return Math.Clamp(at, low, high);
    }
}
