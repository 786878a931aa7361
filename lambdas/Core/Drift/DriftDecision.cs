namespace ContinuousImprovement.Core.Drift;

/// <summary>
/// What <see cref="DriftCheck.Decide"/> concluded, with the figures behind it for the notification and the digest.
/// </summary>
/// <param name="Status">The conclusion.</param>
/// <param name="ModelVersionArn">The version judged (null when none serves).</param>
/// <param name="Window">The human labels judged: all of the version's, or those after its last alert.</param>
/// <param name="Since">The last alert the window starts after; null when the window is every label since the version started serving.</param>
/// <param name="PromisedF1">The version's F1 recorded at deploy; null when unknown.</param>
/// <param name="Limit">The disagreement allowed: 1 − promised F1 + tolerance, at most 1 (null without a promise).</param>
/// <param name="LowerBound">The one-sided 95% Wilson lower bound of the window's disagreement (null when not computed).</param>
/// <param name="Alert">What to remember when <see cref="Status"/> is <see cref="DriftStatus.Drift"/>: the version's label counts now.</param>
/// <param name="Summary">One sentence for operators, e.g. for the digest.</param>
public sealed record DriftDecision(
    DriftStatus Status,
    string? ModelVersionArn,
    DriftWindow Window,
    DriftAlert? Since,
    double? PromisedF1,
    double? Limit,
    double? LowerBound,
    DriftAlert? Alert,
    string Summary);
