using System.Globalization;
using ContinuousImprovement.Core.Ports;
using ContinuousImprovement.Core.State;

namespace ContinuousImprovement.Core.Drift;

/// <summary>
/// Decides whether the serving model has drifted: whether human labels disagree with it clearly more than its
/// evaluation promised when it was deployed.
/// </summary>
public static class DriftCheck
{
    /// <summary>
    /// The promise is the F1 recorded at deploy, read as the share of images the model labels right: the system
    /// parameter keeps no accuracy, and for classes of similar size macro F1 and accuracy are close. So the expected
    /// disagreement is 1 − F1, and the limit is that plus <see cref="DriftSettings.Tolerance"/> (at most 1).
    /// <para>The window is every counted human label of the version (<paramref name="confusion"/>, already limited to
    /// <see cref="DriftSettings.LabelSources"/>), or only those after <paramref name="lastAlert"/> when the version was
    /// alerted before, so an alert is never raised twice on the same evidence: the next one needs
    /// <see cref="DriftSettings.MinimumHumanLabels"/> new labels that drift on their own. (Counts are cumulative; a
    /// label changed since the alert can make the difference negative, which counts as 0.)</para>
    /// <para>With fewer labels than the minimum nothing is judged. Otherwise it is drift when the one-sided 95% Wilson
    /// lower bound of the window's disagreement is above the limit (see <see cref="WilsonBound"/>): a small window
    /// needs a much larger disagreement than a big one, so a few unlucky labels do not raise an alarm.</para>
    /// <para>Worked example: F1 0.90 promised, tolerance 0.05, minimum 20 labels, so the limit is 0.10 + 0.05 = 0.15. 60 labels, 45 agreed:
    /// disagreement 0.25, lower bound 0.170 &gt; 0.15 → drift, and the alert remembers (60, 45). The next run with
    /// 70 labels, 52 agreed judges the window (10, 7) only: fewer than 20 → too few labels, no second alert.
    /// The same 25% on 20 labels (5 disagreed) has a lower bound of 0.127 → within tolerance.</para>
    /// </summary>
    /// <param name="serving">The version serving now; null when none does.</param>
    /// <param name="confusion">Its top labels against the counted human labels (ignored when nothing serves).</param>
    /// <param name="lastAlert">The version's last drift alert, if any (an alert of another version is ignored).</param>
    /// <param name="settings">The operator's drift settings.</param>
    /// <param name="now">When the check runs: the time an alert records.</param>
    public static DriftDecision Decide(ServingVersion? serving, ModelConfusion confusion, DriftAlert? lastAlert, DriftSettings settings, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(confusion);
        ArgumentNullException.ThrowIfNull(settings);
        if (serving is null)
        {
            return new DriftDecision(DriftStatus.NoModelServing, null, new DriftWindow(0, 0), null, null, null, null, null, "Drift not checked: no model version is serving.");
        }

        var arn = serving.ProjectVersionArn;
        var since = lastAlert is not null && lastAlert.ModelVersionArn == arn ? lastAlert : null;
        var window = Window(confusion, since);
        var minimum = Math.Max(1, settings.MinimumHumanLabels);
        var labels = LabelsText(window, since);

        if (serving.F1 is not { } promised || !double.IsFinite(promised) || promised < 0 || promised > 1)
        {
            return new DriftDecision(DriftStatus.NoPromise, arn, window, since, null, null, null, null,
                $"Drift not checked: the serving version's F1 was not recorded at deploy, so there is nothing to hold {labels} against.");
        }

        var tolerance = double.IsFinite(settings.Tolerance) ? Math.Clamp(settings.Tolerance, 0, 1) : 0;
        var limit = Math.Min(1, 1 - promised + tolerance);
        if (window.Labels < minimum)
        {
            return new DriftDecision(DriftStatus.TooFewLabels, arn, window, since, promised, limit, null, null,
                $"Drift not judged yet: {labels}, {Count(minimum)} needed (Drift-Minimum-Human-Labels).");
        }

        var lower = WilsonBound.Lower(window.Disagreed, window.Labels);
        var figures = $"{labels}, disagreement {Percent(window.Disagreement)} (95% lower bound {Percent(lower)}) against a limit of {Percent(limit)} (1 − F1 {Number(promised)} + tolerance {Number(tolerance)})";
        if (lower > limit)
        {
            var alert = new DriftAlert(arn, confusion.Total, confusion.Agreed, now);
            return new DriftDecision(DriftStatus.Drift, arn, window, since, promised, limit, lower, alert, $"Drift: {figures}.");
        }

        return new DriftDecision(DriftStatus.WithinTolerance, arn, window, since, promised, limit, lower, null, $"No drift: {figures}.");
    }

    private static DriftWindow Window(ModelConfusion confusion, DriftAlert? since)
    {
        var total = Math.Max(0, confusion.Total);
        var agreed = Math.Clamp(confusion.Agreed, 0, total);
        if (since is null)
        {
            return new DriftWindow(total, agreed);
        }

        var labels = Math.Max(0, total - since.Labels);
        return new DriftWindow(labels, Math.Clamp(agreed - since.Agreed, 0, labels));
    }

    private static string LabelsText(DriftWindow window, DriftAlert? since) =>
        $"{window.Agreed} of {Count(window.Labels)} agreed {(since is null ? "since the version started serving" : "since the last drift alert (" + since.At.UtcDateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) + " UTC)")}";

    private static string Count(int labels) => labels == 1 ? "1 human label" : $"{labels.ToString(CultureInfo.InvariantCulture)} human labels";

    internal static string Percent(double share) => (share * 100).ToString("0.0", CultureInfo.InvariantCulture) + "%";

    internal static string Number(double value) => value.ToString("0.000", CultureInfo.InvariantCulture);
}
