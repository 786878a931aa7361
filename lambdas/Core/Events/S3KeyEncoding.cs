namespace ContinuousImprovement.Core.Events;

/// <summary>
/// S3 writes object keys into event notifications form-URL-encoded: "red flower+1.jpg" arrives as
/// "red+flower%2B1.jpg". Using the key as it arrives reads a different object (or none).
/// </summary>
public static class S3KeyEncoding
{
    /// <summary>'+' becomes a space, then %XX sequences are decoded as UTF-8; a stray '%' is kept as is.</summary>
    public static string Decode(string encodedKey)
    {
        ArgumentNullException.ThrowIfNull(encodedKey);
        return Uri.UnescapeDataString(encodedKey.Replace('+', ' '));
    }

    /// <summary>The form S3 events carry (used by the twin to raise the same events S3 raises).</summary>
    public static string Encode(string key)
    {
        ArgumentNullException.ThrowIfNull(key);

        // S3 leaves '/' readable in event keys; every other reserved character is escaped.
        return string.Join('/', key.Split('/').Select(segment => Uri.EscapeDataString(segment).Replace("%20", "+", StringComparison.Ordinal)));
    }
}
