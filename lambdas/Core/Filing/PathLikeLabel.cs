using ContinuousImprovement.Core.Text;

namespace ContinuousImprovement.Core.Filing;

/// <summary>
/// Refuses a human label written like a path that climbs out of its folder. <see cref="LabelFolder"/> would
/// encode such a label safely, but a class named "../../etc" is never what a reviewer meant: it is a mistake or
/// an attempt to file outside <see cref="Storage.BucketLayout.LabeledImages"/>, and an operator should hear of it.
/// </summary>
/// <remarks>
/// The rule reads the label as it will be filed, after Unicode NFKC (<see cref="LabelNormalization"/>), so a
/// fullwidth or dot-leader twin ("．．／cat", "‥") is refused like its ASCII original. Refused: a label that
/// starts with '/' or '\', or any of whose '/'- or '\'-separated parts is "." or ".." (after trimming). A slash
/// inside a class name stays allowed. Examples: "../cat" → refused; "．．／cat" → refused; "cat/.." → refused;
/// "/etc" → refused; "T-shirt/top" → allowed; "v1.2" → allowed; "..." → allowed.
/// </remarks>
public static class PathLikeLabel
{
    private static readonly char[] Separators = ['/', '\\'];

    /// <summary>
    /// Why <paramref name="label"/> is refused, or null when it may be filed. Text that NFKC refuses is read as
    /// it is (normalization refuses that label anyway).
    /// </summary>
    public static string? WhyRefused(string label)
    {
        ArgumentNullException.ThrowIfNull(label);
        var read = Nfkc.TryNormalize(label, out var normalized, out _, out _) ? normalized.Trim() : label.Trim();

        // Say what the label was read as when that is not what the reviewer visibly typed.
        var named = string.Equals(read, label.Trim(), StringComparison.Ordinal)
            ? $"label {Printable.Quote(label)}"
            : $"label {Printable.Quote(label)} (normalized {Printable.Quote(read)})";
        if (read.Length > 0 && Array.IndexOf(Separators, read[0]) >= 0)
        {
            return $"{named} starts with a path separator, as if it named a place outside "
                + "the labeled folder; a label is a class name, not a path";
        }

        foreach (var part in read.Split(Separators))
        {
            if (part.Trim() is "." or "..")
            {
                return $"{named} contains the path step {Printable.Quote(part.Trim())}, which would "
                    + "climb out of the labeled folder; a label is a class name, not a path";
            }
        }

        return null;
    }
}
