using System.Globalization;
using System.Text;

namespace ContinuousImprovement.Handlers.Text;

/// <summary>
/// Untrusted text (keys, file names, labels, causes) in notification subjects and bodies: quoted, with control,
/// format and separator characters and '\' shown as <c>\u{XXXX}</c>, and cut after a bounded length, so an
/// uploaded file name can neither forge lines in a mail nor hide what it contains.
/// </summary>
/// <remarks>Core's <c>Printable</c> states the same rule but is internal to Core; this follows it.</remarks>
internal static class Untrusted
{
    public static string Quote(string? text, int maxChars = 120) =>
        text is null ? "null" : Escaped(text, maxChars, quote: true);

    /// <summary>
    /// Text that is already a sentence (an error's cause, which names its own keys in quotes) on one line:
    /// hidden characters escaped and the length bounded, but no quotes added or escaped.
    /// </summary>
    public static string Line(string? text, int maxChars = 600) =>
        text is null ? "" : Escaped(text, maxChars, quote: false);

    private static string Escaped(string text, int maxChars, bool quote)
    {
        var builder = new StringBuilder(Math.Min(text.Length, maxChars) + 2);
        if (quote)
        {
            builder.Append('"');
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
            else if (char.IsSurrogate(c) || IsHidden(c) || (quote && c == '"'))
            {
                builder.Append(CultureInfo.InvariantCulture, $"\\u{{{(int)c:X4}}}");
            }
            else
            {
                builder.Append(c);
            }

            shown++;
        }

        return quote ? builder.Append('"').ToString() : builder.ToString();
    }

    private static bool IsHidden(char c) =>
        char.GetUnicodeCategory(c) is UnicodeCategory.Control or UnicodeCategory.Format
            or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator
        || c == '\\';
}
