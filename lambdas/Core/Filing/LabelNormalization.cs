using ContinuousImprovement.Core.Text;
using System.Globalization;
using System.Text;

namespace ContinuousImprovement.Core.Filing;

/// <summary>
/// The canonical text of a human label, before it becomes a folder name. Two labels that a person cannot tell
/// apart ("T-shirt／top" typed with a fullwidth solidus, "ｃａｔ", "cat ") must land in one training class.
/// </summary>
public static class LabelNormalization
{
    /// <summary>Longest label accepted, in Unicode scalar values after normalization.</summary>
    public const int MaxLength = 128;

    /// <summary>
    /// Normalizes <paramref name="label"/>: Unicode NFKC, then trimming of white space; then refuses an
    /// empty result, control or invisible formatting characters, and more than <see cref="MaxLength"/>
    /// characters. Examples: "ｃａｔ" → "cat"; " T-shirt／top " → "T-shirt/top"; "e\u0301" → "é";
    /// "ﬁsh" → "fish"; "½" → refused (NFKC gives "1⁄2", a compatibility mapping this build does not carry).
    /// </summary>
    /// <remarks>
    /// <c>string.Normalize</c> does nothing under InvariantGlobalization, so NFKC comes from the tables in
    /// <see cref="NfkcTables"/> (Unicode 17); see <see cref="Nfkc"/> for the characters it refuses instead of
    /// guessing. Invisible characters refused besides controls (Cc): line and paragraph separators, bidi
    /// embedding/override/isolate controls, zero width space and the byte order mark, because each makes two
    /// different folders look like one label. Joiners (ZWJ, ZWNJ) stay: some scripts need them.
    /// </remarks>
    public static bool TryNormalize(string label, out string normalized, out string error)
    {
        ArgumentNullException.ThrowIfNull(label);
        normalized = string.Empty;
        if (!Nfkc.TryNormalize(label, out var nfkc, out var refused, out var reason))
        {
            error = $"label {Printable.Quote(label)} contains {Printable.CodePoint(refused)}, {reason}; "
                + "type the label with plain characters";
            return false;
        }

        var trimmed = nfkc.Trim();
        if (trimmed.Length == 0)
        {
            error = $"label {Printable.Quote(label)} is empty or only white space";
            return false;
        }

        var length = 0;
        foreach (var rune in trimmed.EnumerateRunes())
        {
            if (IsRefusedInvisible(rune))
            {
                error = $"label {Printable.Quote(label)} contains the control or invisible character "
                    + $"{Printable.CodePoint(rune.Value)}";
                return false;
            }

            length++;
        }

        if (length > MaxLength)
        {
            error = $"label {Printable.Quote(label)} is {length} characters long after normalization; "
                + $"at most {MaxLength} are allowed";
            return false;
        }

        normalized = trimmed;
        error = string.Empty;
        return true;
    }

    private static bool IsRefusedInvisible(Rune rune) =>
        Rune.GetUnicodeCategory(rune) is UnicodeCategory.Control or UnicodeCategory.LineSeparator
            or UnicodeCategory.ParagraphSeparator
        || rune.Value is 0x061C or 0x200B or 0x200E or 0x200F or 0xFEFF
        || rune.Value is >= 0x202A and <= 0x202E
        || rune.Value is >= 0x2066 and <= 0x2069;
}
