using System.Text.Json;

namespace ContinuousImprovement.Core.Events;

/// <summary><c>numeric</c>: a bound or a range (or <c>=</c>, a range of one value) on JSON numbers; strings that look like numbers do not count.</summary>
internal sealed class EventPatternNumeric(double? lower, bool lowerInclusive, double? upper, bool upperInclusive) : EventPatternValue
{
    public override bool Matches(ref EventPatternScalar value) =>
        value.Kind == JsonValueKind.Number
        && value.Element.TryGetDouble(out var x)
        && double.IsFinite(x)
        && (lower is not { } low || (lowerInclusive ? x >= low : x > low))
        && (upper is not { } high || (upperInclusive ? x <= high : x < high));
}
