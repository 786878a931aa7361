using System.Text.Json;

namespace ContinuousImprovement.Core.Events;

/// <summary>One field of a pattern object: either a nested pattern object or a list of alternatives.</summary>
internal sealed class EventPatternField
{
    private readonly EventPatternObject? nested;
    private readonly EventPatternLeaf? leaf;

    public EventPatternField(string name, EventPatternObject nested)
    {
        Name = name;
        this.nested = nested;
        MatchesAbsent = nested.MatchesAbsent;
    }

    public EventPatternField(string name, EventPatternLeaf leaf)
    {
        Name = name;
        this.leaf = leaf;
        MatchesAbsent = leaf.MatchesAbsent;
    }

    public string Name { get; }

    /// <summary>Whether an event without this field matches it (only <c>exists: false</c> beneath it can).</summary>
    public bool MatchesAbsent { get; }

    public bool Matches(JsonElement eventObject)
    {
        if (!eventObject.TryGetProperty(Name, out var value))
        {
            return MatchesAbsent;
        }

        return nested is not null ? nested.Matches(value) : leaf!.Matches(value);
    }
}
