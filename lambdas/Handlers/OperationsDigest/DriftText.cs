using System.Globalization;
using ContinuousImprovement.Core.Drift;
using ContinuousImprovement.Core.Ports;
using ContinuousImprovement.Core.State;
using ContinuousImprovement.Core.Text;
using ContinuousImprovement.Handlers.Contracts;

namespace ContinuousImprovement.Handlers.OperationsDigest;

/// <summary>The drift-detected mail: the figures, whose labels were counted, the most frequent disagreements, what to look at.</summary>
internal static class DriftText
{
    private const int Disagreements = 5;

    public static NotificationText Notification(ServingVersion serving, DriftDecision decision, ModelConfusion confusion, DriftSettings settings)
    {
        var window = decision.Window;
        var agreement = Percent(1 - window.Disagreement);
        var subject = $"Drift: the serving model agrees with {agreement} of {window.Labels.ToString(CultureInfo.InvariantCulture)} human labels";
        var sources = settings.LabelSources.Count == 0 ? "none" : string.Join(", ", settings.LabelSources.Order(StringComparer.Ordinal));
        var worst = confusion.Cells
            .Where(c => c.Truth != c.Predicted && c.Count > 0)
            .OrderByDescending(c => c.Count)
            .ThenBy(c => c.Truth, StringComparer.Ordinal)
            .ThenBy(c => c.Predicted, StringComparer.Ordinal)
            .Take(Disagreements)
            .Select(c => $"{Printable.Quote(c.Truth, maxChars: 40)} → {(c.Predicted is null ? "no label" : Printable.Quote(c.Predicted, maxChars: 40))} ×{c.Count.ToString(CultureInfo.InvariantCulture)}")
            .ToList();
        var message =
            $"The serving model version {Printable.Quote(serving.ProjectVersionArn, maxChars: 200)} (serving since {serving.Since.UtcDateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)} UTC) "
            + $"disagrees with human labels more than its evaluation promised.\n{decision.Summary}\n"
            + $"Counted: human labels of images sent to review by {sources} (Drift-Label-Sources); rules that pick uncertain images are left out because they make any model look worse.\n"
            + (worst.Count == 0 ? "" : $"Most frequent disagreements over all its counted labels (human label → model's top label): {string.Join(", ", worst)}.\n")
            + "What to look at: whether the uploads changed (another camera, lighting, new kinds of objects) and whether reviewers label consistently. "
            + "The human labels count toward the next training (Minimum-Untrained-Images). "
            + $"No further drift alert is raised for this version until {settings.MinimumHumanLabels.ToString(CultureInfo.InvariantCulture)} more counted human labels drift on their own (Drift-Minimum-Human-Labels).";
        return new NotificationText(OperationsKinds.DriftDetected, subject, message);
    }

    private static string Percent(double share) => (share * 100).ToString("0.0", CultureInfo.InvariantCulture) + "%";
}
