using System.Diagnostics.CodeAnalysis;

using ContinuousImprovement.Asl.Json;

namespace ContinuousImprovement.Asl.Paths.Filters;

/// <summary><c>@.price</c> (relative to the item under test) or <c>$.limit</c> (relative to the document root).</summary>
internal sealed class PathOperand(JsonPath path, bool relative) : FilterOperand
{
    public JsonPath Path { get; } = path;

    public override bool TryGetValue(JsonValue item, JsonValue root, [MaybeNullWhen(false)] out JsonValue value) =>
        Path.TryEvaluate(relative ? item : root, out value);
}
