using System.Text.Json;

namespace ContinuousImprovement.Core.Events;

/// <summary>
/// A string value in a pattern: equal strings match (case-sensitively; never a number, null or boolean). When the
/// value is an IP address, EventBridge compares addresses, so "2001:DB8::1" also matches "2001:db8:0:0:0:0:0:1".
/// </summary>
internal sealed class EventPatternExactString(string expected, bool compareAddresses) : EventPatternValue
{
    private readonly byte[]? address = compareAddresses ? EventPatternIp.TryParse(expected) : null;

    public override bool Matches(ref EventPatternScalar value) =>
        value.Kind == JsonValueKind.String
        && (value.Element.ValueEquals(expected)
            || (address is not null && value.Address is { } actual && actual.AsSpan().SequenceEqual(address)));
}
