using System.Diagnostics.CodeAnalysis;

using ContinuousImprovement.Asl.Json;

namespace ContinuousImprovement.Asl.Paths.Filters;

internal sealed class LiteralOperand(JsonValue value) : FilterOperand
{
    public JsonValue Value { get; } = value;

    public override bool TryGetValue(JsonValue item, JsonValue root, [MaybeNullWhen(false)] out JsonValue value)
    {
        value = Value;
        return true;
    }
}
