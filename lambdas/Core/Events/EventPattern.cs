using System.Text.Json;

using ContinuousImprovement.Core.Text;

namespace ContinuousImprovement.Core.Events;

/// <summary>
/// An EventBridge event pattern, compiled once and matched the way EventBridge matches it (content filtering:
/// exact values, prefix, suffix, equals-ignore-case, wildcard, anything-but, numeric, exists, cidr and $or), so that
/// the local twin routes events to the same workflows the deployed rules start and tests can prove a deployed
/// pattern matches the real example events.
/// </summary>
/// <remarks>
/// Semantics, as EventBridge documents them: every field of the pattern must match (AND); the values listed for a
/// field are alternatives (OR); a field whose value in the event is an array matches when any element does; a
/// nested pattern object over an array of objects must hold within one element (array-consistent matching); only
/// <c>exists: false</c> matches a field the event does not have, and only leaves (not objects) count as present.
/// A key given twice in one pattern object keeps its last value, as EventBridge does.
/// Where EventBridge's documentation is silent this follows its engine (aws/event-ruler): a string value that is an
/// IP address matches the same address however written; <c>anything-but</c> matches any present value the excluded
/// forms do not (numbers, null and booleans included); IPv4 CIDR prefixes run 0–31 and IPv6 0–127. One known
/// difference: <c>exists: false</c> inside a pattern object matched against an array of objects holds when one
/// element lacks the field, where EventBridge may require every element to lack it.
/// </remarks>
public sealed class EventPattern
{
    private readonly EventPatternObject root;

    private EventPattern(string json, EventPatternObject root)
    {
        Json = json;
        this.root = root;
    }

    /// <summary>The pattern as given: the text a rule deploys.</summary>
    public string Json { get; }

    /// <summary>Compiles a pattern; a result with an error naming the field when it is not a valid EventBridge pattern.</summary>
    public static EventPatternParseResult Parse(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        try
        {
            using var document = JsonDocument.Parse(json);
            return Compile(json, document.RootElement);
        }
        catch (JsonException e)
        {
            return new EventPatternParseResult(null, $"The event pattern is not valid JSON: {Printable.Line(e.Message, 200)}");
        }
    }

    /// <summary>Compiles a pattern already read as JSON (e.g. the <c>EventPattern</c> of a synthesized rule).</summary>
    public static EventPatternParseResult Parse(JsonElement pattern) => Compile(pattern.GetRawText(), pattern);

    /// <summary>Whether EventBridge would deliver this event to a rule with this pattern. Events are JSON objects; anything else matches nothing.</summary>
    public bool Matches(JsonElement eventRoot) => eventRoot.ValueKind == JsonValueKind.Object && root.MatchesObject(eventRoot);

    /// <summary>As <see cref="Matches(JsonElement)"/> for event text.</summary>
    /// <exception cref="ArgumentException">The text is not JSON (EventBridge accepts no such event).</exception>
    public bool Matches(string eventJson)
    {
        ArgumentNullException.ThrowIfNull(eventJson);
        try
        {
            using var document = JsonDocument.Parse(eventJson);
            return Matches(document.RootElement);
        }
        catch (JsonException e)
        {
            throw new ArgumentException($"The event is not valid JSON: {Printable.Line(e.Message, 200)}", nameof(eventJson), e);
        }
    }

    public override string ToString() => Json;

    private static EventPatternParseResult Compile(string json, JsonElement pattern)
    {
        var parser = new EventPatternParser();
        var compiled = parser.Root(pattern);
        return compiled is null
            ? new EventPatternParseResult(null, parser.Error)
            : new EventPatternParseResult(new EventPattern(json, compiled), null);
    }
}
