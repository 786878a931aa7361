using System.Globalization;

namespace ContinuousImprovement.Asl.Runtime;

/// <summary>Timestamps as ASL reads and writes them: RFC 3339 with an uppercase T and a Z or an offset.</summary>
public static class Timestamps
{
    public static string Format(DateTimeOffset at) =>
        at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    public static bool TryParse(string text, out DateTimeOffset at)
    {
        at = default;

        // The ASL spec requires an uppercase T separator and an explicit zone; Step Functions rejects the rest.
        if (text.Length < 20 || text[10] != 'T' || !(text.EndsWith('Z') || text[^6] is '+' or '-'))
        {
            return false;
        }

        return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal, out at);
    }
}
