using ContinuousImprovement.Asl.Json;
using ContinuousImprovement.Asl.Paths.Filters;

namespace ContinuousImprovement.Asl.Paths.Selectors;

/// <summary>
/// <c>[?(expression)]</c>. On an array it keeps the elements the expression accepts; on an object it tests the
/// object itself, as Jayway does (so <c>$[?(@.a)]</c> on <c>{"a":1}</c> gives <c>[{"a":1}]</c>).
/// </summary>
internal sealed class FilterSelector(FilterExpression expression) : PathSelector
{
    public FilterExpression Expression { get; } = expression;

    public override bool IsDefinite => false;

    public override string Description => "the filter '[?(...)]'";

    public override void Apply(JsonValue node, PathEvaluation evaluation, int next)
    {
        switch (node)
        {
            case JsonArray array:
                foreach (var item in array.AsSpan())
                {
                    if (Expression.Matches(item, evaluation.Root))
                    {
                        evaluation.Continue(next, item);
                    }
                }

                break;
            case JsonObject obj when Expression.Matches(obj, evaluation.Root):
                evaluation.Continue(next, obj);
                break;
        }
    }
}
