using System.Globalization;
using System.Text;

namespace ContinuousImprovement.Core.Text;

/// <summary>
/// Renders untrusted text (labels, keys, file names, bad parameter values, causes) for error messages, logs
/// and mails: control, format and separator characters and '\' shown as <c>\u{XXXX}</c>, cut after a bounded
/// length, so that hostile input can neither forge lines nor hide what it contains.
/// </summary>
public static class Printable
{
    public const int DefaultMaxChars = 80;

    /// <summary>The text in quotes (a quote inside it escaped too); <c>null</c> for null.</summary>
    public static string Quote(string? text, char quote = '"', int maxChars = DefaultMaxChars) =>
        text is null ? "null" : Escaped(text, maxChars, quote);

    /// <summary>
    /// Text that is already a sentence (an error's cause, which quotes its own keys) on one bounded line:
    /// hidden characters escaped, no quotes added.
    /// </summary>
    public static string Line(string? text, int maxChars = 600) => text is null ? "" : Escaped(text, maxChars, null);

    /// <summary>U+XXXX notation for one code point.</summary>
    public static string CodePoint(int cp) => $"U+{cp.ToString("X4", CultureInfo.InvariantCulture)}";

    private static string Escaped(string text, int maxChars, char? quote)
    {
        var builder = new StringBuilder(Math.Min(text.Length, maxChars) + 2);
        if (quote is { } open)
        {
            builder.Append(open);
        }

        var shown = 0;
        for (var i = 0; i < text.Length; i++)
        {
            if (shown == maxChars)
            {
                builder.Append(CultureInfo.InvariantCulture, $"…(+{text.Length - i} chars)");
                break;
            }

            var c = text[i];
            if (char.IsSurrogatePair(text, i))
            {
                builder.Append(c).Append(text[++i]);
            }
            else if (char.IsSurrogate(c) || IsHidden(c) || c == quote)
            {
                builder.Append(CultureInfo.InvariantCulture, $"\\u{{{(int)c:X4}}}");
            }
            else
            {
                builder.Append(c);
            }

            shown++;
        }

        return quote is { } close ? builder.Append(close).ToString() : builder.ToString();
    }

    private static bool IsHidden(char c) =>
        char.GetUnicodeCategory(c) is UnicodeCategory.Control or UnicodeCategory.Format
            or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator
        || c == '\\';
}
