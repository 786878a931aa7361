using System.Globalization;

namespace ContinuousImprovement.Core.Events;

/// <summary><c>cidr</c>: string values that are IP addresses inside the block (IPv4 or IPv6, never across families).</summary>
internal sealed class EventPatternCidr : EventPatternValue
{
    private readonly byte[] network;
    private readonly int prefixBits;

    private EventPatternCidr(byte[] network, int prefixBits)
    {
        this.network = network;
        this.prefixBits = prefixBits;
    }

    /// <returns>null and an error when the text is not an address, '/', and a prefix length EventBridge accepts.</returns>
    public static EventPatternCidr? Create(string cidr, out string? error)
    {
        var slash = cidr.IndexOf('/', StringComparison.Ordinal);
        if (slash < 0 || slash != cidr.LastIndexOf('/'))
        {
            error = "a CIDR block needs exactly one '/' (address/prefix-length)";
            return null;
        }

        var address = EventPatternIp.TryParse(cidr[..slash]);
        if (address is null)
        {
            error = "the part before '/' is not an IPv4 or IPv6 address";
            return null;
        }

        // EventBridge takes a full-length mask (/32, /128) as an error: a single address is an exact value.
        var maxBits = (address.Length * 8) - 1;
        if (!int.TryParse(cidr.AsSpan(slash + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var bits) || bits > maxBits)
        {
            error = $"the prefix length must be a whole number from 0 to {maxBits.ToString(CultureInfo.InvariantCulture)}";
            return null;
        }

        error = null;
        return new EventPatternCidr(address, bits);
    }

    public override bool Matches(ref EventPatternScalar value)
    {
        if (value.Address is not { } address || address.Length != network.Length)
        {
            return false;
        }

        var whole = prefixBits / 8;
        if (!address.AsSpan(0, whole).SequenceEqual(network.AsSpan(0, whole)))
        {
            return false;
        }

        var rest = prefixBits % 8;
        if (rest == 0)
        {
            return true;
        }

        var mask = (byte)(0xFF << (8 - rest));
        return (address[whole] & mask) == (network[whole] & mask);
    }
}
