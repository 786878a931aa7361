using ContinuousImprovement.Core.Text;
using System.Globalization;
using ContinuousImprovement.Core.Sampling;

namespace ContinuousImprovement.Handlers.Text;

/// <summary>Predictions in words for notifications: the strongest labels with three-decimal confidences.</summary>
internal static class Figures
{
    public static string Confidence(double value) => value.ToString("0.###", CultureInfo.InvariantCulture);

    /// <summary>"'cat' 97.53, 'dog' 2.11" (strongest first, at most <paramref name="count"/>), or "no label".</summary>
    public static string Labels(Prediction prediction, int count = 3)
    {
        var strongest = prediction.Labels
            .OrderByDescending(l => Prediction.Usable(l.Confidence))
            .Take(count)
            .Select(l => $"{Printable.Quote(l.Label, maxChars: 40)} {Confidence(l.Confidence)}")
            .ToList();
        return strongest.Count == 0 ? "no label" : string.Join(", ", strongest);
    }
}
