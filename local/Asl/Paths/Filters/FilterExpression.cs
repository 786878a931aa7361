using ContinuousImprovement.Asl.Json;

namespace ContinuousImprovement.Asl.Paths.Filters;

/// <summary>The boolean expression inside <c>[?( ... )]</c>, compiled once.</summary>
internal abstract class FilterExpression
{
    /// <summary>Whether <paramref name="item"/> (what <c>@</c> means) passes; <paramref name="root"/> is what <c>$</c> means.</summary>
    public abstract bool Matches(JsonValue item, JsonValue root);
}
