using System.Text.Json;

namespace ContinuousImprovement.Core.Events;

/// <summary>
/// One leaf value of an event while a field is matched: the string and IP address forms are read once, however
/// many of the field's alternatives look at them. Passed by reference so the cache survives between matchers.
/// </summary>
internal struct EventPatternScalar(JsonElement element)
{
    private string? text;
    private byte[]? address;
    private bool addressRead;

    public readonly JsonElement Element => element;

    public readonly JsonValueKind Kind => element.ValueKind;

    /// <summary>The string value; only for <see cref="JsonValueKind.String"/>.</summary>
    public string Text => text ??= element.GetString() ?? string.Empty;

    /// <summary>The IPv4 (4 bytes) or IPv6 (16 bytes) address a string value spells, or null.</summary>
    public byte[]? Address
    {
        get
        {
            if (!addressRead)
            {
                address = Kind == JsonValueKind.String ? EventPatternIp.TryParse(Text) : null;
                addressRead = true;
            }

            return address;
        }
    }
}
