using ContinuousImprovement.Asl.Json;

namespace ContinuousImprovement.Asl.Paths.Filters;

/// <summary>
/// <c>left op right</c> with Jayway's rules: <c>==</c> compares numbers by value and everything else
/// structurally, and values of different types are never equal (<c>1 == '1'</c> is false); the ordering
/// operators compare two numbers, or two strings ordinally, and are false for anything else; an undefined
/// operand (missing member) makes every operator false except <c>!=</c> and <c>nin</c>.
/// </summary>
internal sealed class ComparisonFilter(FilterOperand left, FilterOperator op, FilterOperand right) : FilterExpression
{
    public override bool Matches(JsonValue item, JsonValue root)
    {
        var l = left.TryGetValue(item, root, out var leftValue) ? leftValue : null;
        var r = right.TryGetValue(item, root, out var rightValue) ? rightValue : null;
        var defined = l is not null && r is not null;
        return op switch
        {
            FilterOperator.Equal => defined && l!.Equals(r),
            FilterOperator.NotEqual => !(defined && l!.Equals(r)),
            FilterOperator.Less => defined && Order(l!, r!) is < 0,
            FilterOperator.LessOrEqual => defined && Order(l!, r!) is <= 0,
            FilterOperator.Greater => defined && Order(l!, r!) is > 0,
            FilterOperator.GreaterOrEqual => defined && Order(l!, r!) is >= 0,
            FilterOperator.In => defined && Contains(r!, l!),
            FilterOperator.NotIn => !(defined && Contains(r!, l!)),
            _ => false,
        };
    }

    private static int? Order(JsonValue left, JsonValue right) => (left, right) switch
    {
        (JsonNumber a, JsonNumber b) => a.Value.CompareTo(b.Value),
        (JsonString a, JsonString b) => string.CompareOrdinal(a.Value, b.Value),
        _ => null,
    };

    private static bool Contains(JsonValue collection, JsonValue value)
    {
        if (collection is not JsonArray array)
        {
            return false;
        }

        foreach (var candidate in array.AsSpan())
        {
            if (candidate.Equals(value))
            {
                return true;
            }
        }

        return false;
    }
}
