using System.Text;
using System.Text.Json;

namespace ContinuousImprovement.Core.Events;

/// <summary>One field of a pattern object: either a nested pattern object or a list of alternatives.</summary>
internal sealed class EventPatternField
{
    private readonly EventPatternObject? nested;
    private readonly EventPatternLeaf? leaf;

    // Looked up by UTF-8 bytes, so the event's property names are compared without transcoding the name each time.
    private readonly byte[] utf8Name;

    public EventPatternField(string name, EventPatternObject nested)
    {
        Name = name;
        utf8Name = Encoding.UTF8.GetBytes(name);
        this.nested = nested;
        MatchesAbsent = nested.MatchesAbsent;
    }

    public EventPatternField(string name, EventPatternLeaf leaf)
    {
        Name = name;
        utf8Name = Encoding.UTF8.GetBytes(name);
        this.leaf = leaf;
        MatchesAbsent = leaf.MatchesAbsent;
    }

    public string Name { get; }

    /// <summary>Whether an event without this field matches it (only <c>exists: false</c> beneath it can).</summary>
    public bool MatchesAbsent { get; }

    public bool Matches(JsonElement eventObject)
    {
        if (!eventObject.TryGetProperty(utf8Name, out var value))
        {
            return MatchesAbsent;
        }

        return nested is not null ? nested.Matches(value) : leaf!.Matches(value);
    }
}
