using System.Globalization;
using System.Text;

namespace ContinuousImprovement.Local.Model;

/// <summary>
/// The manifest lines a training could not use, counted by reason with the first one of each named, so a status
/// message can say what was left out and where to look without listing thousands of keys.
/// </summary>
internal sealed class SkippedImages
{
    private readonly List<string> order = [];
    private readonly Dictionary<string, (int Count, string First)> byReason = new(StringComparer.Ordinal);

    public int Count { get; private set; }

    /// <summary>Counts one skipped line; <paramref name="which"/> names it (already quoted or printable).</summary>
    public void Add(string reason, string which)
    {
        Count++;
        if (byReason.TryGetValue(reason, out var seen))
        {
            byReason[reason] = (seen.Count + 1, seen.First);
            return;
        }

        order.Add(reason);
        byReason[reason] = (1, which);
    }

    /// <summary>" Skipped 2 of 40 training images: 2 not found (first: "s3://b/k.png")." or "" when none was skipped.</summary>
    public string Describe(string manifest, int total)
    {
        if (Count == 0)
        {
            return "";
        }

        var text = new StringBuilder().Append(CultureInfo.InvariantCulture, $" Skipped {Count} of {total} {manifest} images: ");
        for (var i = 0; i < order.Count; i++)
        {
            var (count, first) = byReason[order[i]];
            text.Append(CultureInfo.InvariantCulture, $"{(i == 0 ? "" : ", ")}{count} {order[i]} (first: {first})");
        }

        return text.Append('.').ToString();
    }
}
