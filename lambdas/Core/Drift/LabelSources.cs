namespace ContinuousImprovement.Core.Drift;

/// <summary>
/// Which human labels a drift check may count. Every human label belongs to an image some sampling rule sent to a
/// human, and most rules pick the images the model is unsure of (below-threshold, least-confidence, margin, entropy,
/// confidence-band) or already disagrees with (ground-truth-mismatch): on those the model is wrong far more often than
/// on images at large, so counting them would report drift for every healthy model. Labels of images picked without
/// looking at the prediction (random, and the every-N-th audit strategy) estimate the model's real agreement; the
/// audit-sampling workflow's picks are confident detections only, so they make the model look better if anything,
/// never worse.
/// </summary>
public static class LabelSources
{
    /// <summary>The default sources: the picks that do not make a healthy model look worse than it is.</summary>
    public static IReadOnlyList<string> Unbiased { get; } = ["random", "audit", "audit-sampling"];

    /// <summary>
    /// The rule name of a logged reason: the text before its first ':' (<c>"random: draw vs rate …"</c> → <c>random</c>),
    /// trimmed; the whole reason when it has no ':'.
    /// </summary>
    public static string RuleOf(string reason)
    {
        ArgumentNullException.ThrowIfNull(reason);
        var colon = reason.IndexOf(':', StringComparison.Ordinal);
        return (colon < 0 ? reason : reason[..colon]).Trim();
    }

    /// <summary>Whether one of <paramref name="reasons"/> (as the inference log stores them) comes from a rule in <paramref name="sources"/>.</summary>
    public static bool PickedBy(IEnumerable<string> reasons, IReadOnlySet<string> sources)
    {
        ArgumentNullException.ThrowIfNull(reasons);
        ArgumentNullException.ThrowIfNull(sources);
        return reasons.Any(r => r is not null && sources.Contains(RuleOf(r)));
    }
}
