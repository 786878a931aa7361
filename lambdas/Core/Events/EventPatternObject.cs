using System.Text.Json;

namespace ContinuousImprovement.Core.Events;

/// <summary>
/// A pattern object: all its fields must match, and each of its <c>$or</c> groups must have a matching branch
/// (branches are pattern objects matched against the same event object).
/// </summary>
internal sealed class EventPatternObject
{
    private readonly EventPatternField[] fields;
    private readonly EventPatternObject[][] orGroups;

    public EventPatternObject(EventPatternField[] fields, EventPatternObject[][] orGroups)
    {
        this.fields = fields;
        this.orGroups = orGroups;
        MatchesAbsent = fields.All(f => f.MatchesAbsent) && orGroups.All(group => group.Any(branch => branch.MatchesAbsent));
    }

    /// <summary>Whether a missing (or non-object) value matches: true only when every condition is an <c>exists: false</c>.</summary>
    public bool MatchesAbsent { get; }

    /// <summary>
    /// The value of a field this object describes: an object is matched, an array of objects matches when one
    /// element does (all conditions within that element), and anything else has none of the fields.
    /// </summary>
    public bool Matches(JsonElement value)
    {
        switch (value.ValueKind)
        {
            case JsonValueKind.Object:
                return MatchesObject(value);
            case JsonValueKind.Array:
                var sawObject = false;
                return AnyElementMatches(value, ref sawObject) || (!sawObject && MatchesAbsent);
            default:
                return MatchesAbsent;
        }
    }

    public bool MatchesObject(JsonElement eventObject)
    {
        foreach (var field in fields)
        {
            if (!field.Matches(eventObject))
            {
                return false;
            }
        }

        foreach (var group in orGroups)
        {
            if (!AnyBranchMatches(group, eventObject))
            {
                return false;
            }
        }

        return true;
    }

    private static bool AnyBranchMatches(EventPatternObject[] branches, JsonElement eventObject)
    {
        foreach (var branch in branches)
        {
            if (branch.MatchesObject(eventObject))
            {
                return true;
            }
        }

        return false;
    }

    private bool AnyElementMatches(JsonElement array, ref bool sawObject)
    {
        foreach (var element in array.EnumerateArray())
        {
            if (element.ValueKind == JsonValueKind.Object)
            {
                sawObject = true;
                if (MatchesObject(element))
                {
                    return true;
                }
            }
            else if (element.ValueKind == JsonValueKind.Array && AnyElementMatches(element, ref sawObject))
            {
                return true;
            }
        }

        return false;
    }
}
