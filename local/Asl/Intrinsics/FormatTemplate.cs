namespace ContinuousImprovement.Asl.Intrinsics;

/// <summary>
/// The first argument of States.Format split at its <c>{}</c> placeholders. In a quoted literal, escaped
/// braces (<c>\{\}</c>) are plain text; a template read from the input at run time has no escapes, so every
/// <c>{}</c> in it is a placeholder. Worked example: <c>'\{\} is {}'</c> has the parts <c>"{} is "</c> and
/// <c>""</c>, one placeholder.
/// </summary>
internal sealed class FormatTemplate
{
    private readonly string[] parts;

    private FormatTemplate(string[] parts) => this.parts = parts;

    public int PlaceholderCount => parts.Length - 1;

    /// <summary>The text before placeholder <paramref name="index"/>; index <see cref="PlaceholderCount"/> is the tail.</summary>
    public string Part(int index) => parts[index];

    /// <summary>From a literal whose placeholders start at <paramref name="placeholderStarts"/> in <paramref name="text"/>.</summary>
    public static FormatTemplate FromLiteral(string text, IReadOnlyList<int> placeholderStarts)
    {
        var parts = new string[placeholderStarts.Count + 1];
        var from = 0;
        for (var i = 0; i < placeholderStarts.Count; i++)
        {
            parts[i] = text[from..placeholderStarts[i]];
            from = placeholderStarts[i] + 2;
        }

        parts[^1] = text[from..];
        return new FormatTemplate(parts);
    }

    /// <summary>From a run-time string: every <c>{}</c> is a placeholder.</summary>
    public static FormatTemplate FromText(string text)
    {
        var starts = new List<int>();
        for (var at = text.IndexOf("{}", StringComparison.Ordinal); at >= 0; at = text.IndexOf("{}", at + 2, StringComparison.Ordinal))
        {
            starts.Add(at);
        }

        return FromLiteral(text, starts);
    }
}
