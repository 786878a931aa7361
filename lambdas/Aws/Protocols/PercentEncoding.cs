using System.Text;

namespace ContinuousImprovement.Aws.Protocols;

/// <summary>RFC 3986 percent-encoding as AWS protocols use it: only unreserved characters stay literal.</summary>
internal static class PercentEncoding
{
    /// <summary>Encodes a URI label or query value; <paramref name="keepSlash"/> is for greedy labels ({Key+}).</summary>
    public static string Encode(string value, bool keepSlash = false) => Encode(value, keepSlash, spaceAsPlus: false);

    /// <summary>
    /// Encodes an application/x-www-form-urlencoded value the way botocore does for awsQuery bodies (Python's
    /// urlencode): a space becomes '+', e.g. "a b+c" → "a+b%2Bc".
    /// </summary>
    public static string EncodeForm(string value) => Encode(value, keepSlash: false, spaceAsPlus: true);

    private static string Encode(string value, bool keepSlash, bool spaceAsPlus)
    {
        var builder = new StringBuilder(value.Length);
        foreach (var b in Encoding.UTF8.GetBytes(value))
        {
            var c = (char)b;
            if (IsUnreserved(c) || (keepSlash && c == '/'))
            {
                builder.Append(c);
            }
            else if (spaceAsPlus && c == ' ')
            {
                builder.Append('+');
            }
            else
            {
                builder.Append('%').Append(b.ToString("X2", System.Globalization.CultureInfo.InvariantCulture));
            }
        }
        return builder.ToString();
    }

    private static bool IsUnreserved(char c) =>
        c is (>= 'A' and <= 'Z') or (>= 'a' and <= 'z') or (>= '0' and <= '9') or '-' or '_' or '.' or '~';
}
