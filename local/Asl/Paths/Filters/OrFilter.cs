using ContinuousImprovement.Asl.Json;

namespace ContinuousImprovement.Asl.Paths.Filters;

internal sealed class OrFilter(FilterExpression left, FilterExpression right) : FilterExpression
{
    public override bool Matches(JsonValue item, JsonValue root) => left.Matches(item, root) || right.Matches(item, root);
}
