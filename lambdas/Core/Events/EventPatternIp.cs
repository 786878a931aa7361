using System.Net;
using System.Net.Sockets;

namespace ContinuousImprovement.Core.Events;

/// <summary>
/// IP address literals as EventBridge recognizes them: four decimal parts of at most 255 (no octal, no short forms),
/// or IPv6 written only with hex digits and colons (no zone, no embedded IPv4).
/// </summary>
internal static class EventPatternIp
{
    /// <returns>4 or 16 bytes, or null when the text is not such a literal.</returns>
    public static byte[]? TryParse(string text)
    {
        if (text.Length is 0 or > 45)
        {
            return null;
        }

        return text.Contains(':', StringComparison.Ordinal) ? V6(text) : V4(text);
    }

    private static byte[]? V4(string text)
    {
        var bytes = new byte[4];
        var part = 0;
        var value = 0;
        var digits = 0;
        foreach (var c in text)
        {
            if (c == '.')
            {
                if (digits == 0 || part == 3)
                {
                    return null;
                }

                bytes[part++] = (byte)value;
                value = 0;
                digits = 0;
            }
            else if (char.IsAsciiDigit(c))
            {
                value = (value * 10) + (c - '0');
                digits++;
                if (value > 255)
                {
                    return null;
                }
            }
            else
            {
                return null;
            }
        }

        if (digits == 0 || part != 3)
        {
            return null;
        }

        bytes[3] = (byte)value;
        return bytes;
    }

    private static byte[]? V6(string text)
    {
        foreach (var c in text)
        {
            if (!char.IsAsciiHexDigit(c) && c != ':')
            {
                return null;
            }
        }

        return IPAddress.TryParse(text, out var address) && address.AddressFamily == AddressFamily.InterNetworkV6
            ? address.GetAddressBytes()
            : null;
    }
}
