using System.Globalization;
using System.Text;

namespace ContinuousImprovement.Core.Text;

/// <summary>
/// Renders untrusted text for error messages and logs: quoted, control and invisible characters shown as
/// <c>\u{XXXX}</c>, cut after a bounded length, so that a hostile label can neither forge log lines nor
/// hide what it contains.
/// </summary>
internal static class Printable
{
    private const int MaxChars = 80;

    public static string Quote(string? text, char quote = '"')
    {
        if (text is null)
        {
            return "null";
        }

        var builder = new StringBuilder().Append(quote);
        var shown = 0;
        for (var i = 0; i < text.Length; i++)
        {
            if (shown == MaxChars)
            {
                builder.Append($"…(+{text.Length - i} chars)");
                break;
            }

            var c = text[i];
            if (char.IsSurrogatePair(text, i))
            {
                builder.Append(c).Append(text[i + 1]);
                i++;
            }
            else if (char.IsSurrogate(c) || IsHidden(c) || c == quote)
            {
                builder.Append($"\\u{{{(int)c:X4}}}");
            }
            else
            {
                builder.Append(c);
            }

            shown++;
        }

        return builder.Append(quote).ToString();
    }

    /// <summary>U+XXXX notation for one code point.</summary>
    public static string CodePoint(int cp) => $"U+{cp.ToString("X4", CultureInfo.InvariantCulture)}";

    private static bool IsHidden(char c) =>
        char.GetUnicodeCategory(c) is UnicodeCategory.Control or UnicodeCategory.Format
            or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator
        || c == '\\';
}
