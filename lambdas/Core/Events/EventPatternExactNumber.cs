using System.Text.Json;

namespace ContinuousImprovement.Core.Events;

/// <summary>
/// A number in a pattern: matches numbers of equal value however they are written (5, 5.0, 5e0). Decimal
/// comparison where both fit a decimal keeps long ids exact; beyond that, doubles; beyond those, the literal text.
/// </summary>
internal sealed class EventPatternExactNumber : EventPatternValue
{
    private readonly string raw;
    private readonly decimal? asDecimal;
    private readonly double? asDouble;

    public EventPatternExactNumber(JsonElement number)
    {
        raw = number.GetRawText();
        asDecimal = number.TryGetDecimal(out var d) ? d : null;
        asDouble = number.TryGetDouble(out var x) && double.IsFinite(x) ? x : null;
    }

    public override bool Matches(ref EventPatternScalar value) => value.Kind == JsonValueKind.Number && Equal(value.Element);

    private bool Equal(JsonElement number)
    {
        if (asDecimal is { } d && number.TryGetDecimal(out var other))
        {
            return d == other;
        }

        if (asDouble is { } x && number.TryGetDouble(out var y) && double.IsFinite(y))
        {
            return x == y;
        }

        return string.Equals(raw, number.GetRawText(), StringComparison.Ordinal);
    }
}
