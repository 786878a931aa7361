using System.Globalization;
using System.Text.Json;

namespace ContinuousImprovement.Aws.Protocols;

/// <summary>The three wire formats of a timestamp shape (botocore names): iso8601, unixTimestamp and rfc822.</summary>
internal static class Timestamps
{
    public const string Iso8601 = "iso8601";
    public const string UnixTimestamp = "unixTimestamp";
    public const string Rfc822 = "rfc822";

    /// <summary>
    /// Reads a timestamp as a caller or a service wrote it: epoch seconds (a JSON number, or digits in text), ISO 8601
    /// with any offset, or an HTTP date. Each format is recognisable from its text, so the declared format is not needed.
    /// </summary>
    public static DateTimeOffset Read(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Number => FromEpoch(value.GetDecimal()),
        JsonValueKind.String => Parse(value.GetString() ?? ""),
        _ => throw new FormatException($"A timestamp must be a number or a string, not {value.ValueKind}."),
    };

    public static DateTimeOffset Parse(string text)
    {
        var trimmed = text.Trim();
        if (decimal.TryParse(trimmed, NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var seconds))
        {
            return FromEpoch(seconds);
        }
        if (DateTimeOffset.TryParseExact(trimmed, "r", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var httpDate))
        {
            return httpDate;
        }
        if (DateTimeOffset.TryParse(trimmed, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var iso))
        {
            return iso;
        }
        throw new FormatException($"'{text}' is not a timestamp (epoch seconds, ISO 8601 or HTTP date).");
    }

    /// <summary>
    /// Formats for the wire. iso8601 keeps microseconds only when there are some (2000-01-02T20:34:56Z), rfc822 is the
    /// HTTP date (Sun, 02 Jan 2000 20:34:56 GMT) and unixTimestamp is seconds with up to millisecond fractions.
    /// </summary>
    public static string Format(DateTimeOffset value, string format)
    {
        var utc = value.ToUniversalTime();
        return format switch
        {
            Iso8601 => utc.Ticks % TimeSpan.TicksPerSecond == 0
                ? utc.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture)
                : utc.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture),
            Rfc822 => utc.ToString("r", CultureInfo.InvariantCulture),
            UnixTimestamp => EpochSeconds(utc).ToString(CultureInfo.InvariantCulture),
            _ => throw new FormatException($"Unknown timestamp format '{format}'."),
        };
    }

    public static decimal EpochSeconds(DateTimeOffset value) =>
        decimal.Round((decimal)(value.ToUniversalTime() - DateTimeOffset.UnixEpoch).Ticks / TimeSpan.TicksPerSecond, 3);

    private static DateTimeOffset FromEpoch(decimal seconds) =>
        DateTimeOffset.UnixEpoch.AddTicks((long)(seconds * TimeSpan.TicksPerSecond));
}
