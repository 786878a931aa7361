using System.Text.Json;

namespace ContinuousImprovement.Core.Events;

/// <summary>
/// The list of alternatives for one field: matches when any leaf of the event's value (the value itself, or the
/// elements of an array, nested arrays flattened) matches any alternative, or by <c>exists</c>. Objects are not
/// leaves: a field holding an object does not "exist" for <c>exists: true</c>.
/// </summary>
internal sealed class EventPatternLeaf(EventPatternValue[] values, bool existsTrue, bool existsFalse)
{
    public bool MatchesAbsent => existsFalse;

    public bool Matches(JsonElement value)
    {
        var sawLeaf = false;
        return AnyLeafMatches(value, ref sawLeaf) || (sawLeaf ? existsTrue : existsFalse);
    }

    private bool AnyLeafMatches(JsonElement value, ref bool sawLeaf)
    {
        switch (value.ValueKind)
        {
            case JsonValueKind.Object:
                return false;
            case JsonValueKind.Array:
                foreach (var element in value.EnumerateArray())
                {
                    if (AnyLeafMatches(element, ref sawLeaf))
                    {
                        return true;
                    }
                }

                return false;
            default:
                sawLeaf = true;
                var scalar = new EventPatternScalar(value);
                foreach (var alternative in values)
                {
                    if (alternative.Matches(ref scalar))
                    {
                        return true;
                    }
                }

                return existsTrue;
        }
    }
}
