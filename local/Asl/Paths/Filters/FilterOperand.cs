using System.Diagnostics.CodeAnalysis;

using ContinuousImprovement.Asl.Json;

namespace ContinuousImprovement.Asl.Paths.Filters;

/// <summary>One side of a comparison: a literal, or a path relative to <c>@</c> or <c>$</c>.</summary>
internal abstract class FilterOperand
{
    /// <summary>False when the operand is undefined (a path to a missing member), which no comparison matches except <c>!=</c>.</summary>
    public abstract bool TryGetValue(JsonValue item, JsonValue root, [MaybeNullWhen(false)] out JsonValue value);
}
