using System.Globalization;
using System.Text;
using System.Text.Json;

namespace ContinuousImprovement.Core.Events;

/// <summary>
/// <c>wildcard</c>: '*' stands for any run of characters (none included); "\*" is a literal asterisk and "\\" a
/// literal backslash. EventBridge refuses two wildcards in a row and a backslash before anything else.
/// </summary>
internal sealed class EventPatternWildcard : EventPatternValue
{
    // The literal text between wildcards: one part means no wildcard at all.
    private readonly string[] parts;

    private EventPatternWildcard(string[] parts) => this.parts = parts;

    /// <returns>null and an error when EventBridge would refuse the wildcard.</returns>
    public static EventPatternWildcard? Create(string pattern, out string? error)
    {
        var parts = new List<string>();
        var part = new StringBuilder();
        var afterWildcard = false;
        for (var i = 0; i < pattern.Length; i++)
        {
            var c = pattern[i];
            if (c == '*')
            {
                if (afterWildcard)
                {
                    error = $"two wildcards in a row at position {i.ToString(CultureInfo.InvariantCulture)}";
                    return null;
                }

                parts.Add(part.ToString());
                part.Clear();
                afterWildcard = true;
                continue;
            }

            afterWildcard = false;
            if (c == '\\')
            {
                if (i + 1 == pattern.Length || pattern[i + 1] is not ('*' or '\\'))
                {
                    error = $"a backslash at position {i.ToString(CultureInfo.InvariantCulture)} escapes neither '*' nor '\\'";
                    return null;
                }

                c = pattern[++i];
            }

            part.Append(c);
        }

        parts.Add(part.ToString());
        error = null;
        return new EventPatternWildcard([.. parts]);
    }

    public override bool Matches(ref EventPatternScalar value) => value.Kind == JsonValueKind.String && Matches(value.Text);

    internal bool Matches(string text)
    {
        if (parts.Length == 1)
        {
            return string.Equals(text, parts[0], StringComparison.Ordinal);
        }

        var first = parts[0];
        var last = parts[^1];
        if (text.Length < first.Length + last.Length
            || !text.StartsWith(first, StringComparison.Ordinal)
            || !text.EndsWith(last, StringComparison.Ordinal))
        {
            return false;
        }

        // With only '*' to match, taking each middle part at its leftmost place leaves the most room for the rest,
        // so a greedy scan is exact and linear in the text.
        var position = first.Length;
        var end = text.Length - last.Length;
        for (var i = 1; i < parts.Length - 1; i++)
        {
            var found = text.IndexOf(parts[i], position, end - position, StringComparison.Ordinal);
            if (found < 0)
            {
                return false;
            }

            position = found + parts[i].Length;
        }

        return true;
    }
}
