using ContinuousImprovement.Core.Drift;
using ContinuousImprovement.Handlers.Contracts;

namespace ContinuousImprovement.Handlers.OperationsDigest;

/// <summary>
/// What the drift check concluded (<paramref name="Status"/>: <c>Drift</c>, <c>WithinTolerance</c>, <c>TooFewLabels</c>,
/// <c>NoPromise</c>, <c>NoModelServing</c>, or <c>NotChecked</c> before the check ran) and its one-line summary. When
/// <paramref name="Alert"/> is true, <paramref name="Notification"/> is the drift-detected mail and
/// <paramref name="Record"/> the alert to remember after it went out, compare-and-set against <paramref name="Expected"/>.
/// </summary>
public sealed record DriftChecked(
    string Status,
    string Summary,
    bool Alert,
    NotificationText? Notification = null,
    DriftAlert? Record = null,
    DriftAlert? Expected = null);
