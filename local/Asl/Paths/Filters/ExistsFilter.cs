using ContinuousImprovement.Asl.Json;

namespace ContinuousImprovement.Asl.Paths.Filters;

/// <summary>
/// <c>[?(@.isbn)]</c>: true when the path finds a member, whatever its value (null and false included),
/// as Jayway's existence check does. An indefinite path exists when it matches anything.
/// </summary>
internal sealed class ExistsFilter(PathOperand path) : FilterExpression
{
    public override bool Matches(JsonValue item, JsonValue root) =>
        path.TryGetValue(item, root, out var value) && (path.Path.IsDefinite || ((JsonArray)value).Count > 0);
}
