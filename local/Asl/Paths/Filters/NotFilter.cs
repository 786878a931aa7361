using ContinuousImprovement.Asl.Json;

namespace ContinuousImprovement.Asl.Paths.Filters;

internal sealed class NotFilter(FilterExpression operand) : FilterExpression
{
    public override bool Matches(JsonValue item, JsonValue root) => !operand.Matches(item, root);
}
