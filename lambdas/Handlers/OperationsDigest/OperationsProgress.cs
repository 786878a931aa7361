using ContinuousImprovement.Handlers.Contracts;

namespace ContinuousImprovement.Handlers.OperationsDigest;

/// <summary>
/// The execution's state as far as it got: settings, the drift check and its failure (the digest is still sent when
/// the drift check fails), the digest's claim, publication and mark, and the error that stopped it. Every part is
/// optional, since a failure can come at any step.
/// </summary>
public sealed record OperationsProgress(
    OperationsSettingsLoaded? Settings = null,
    DriftChecked? Drift = null,
    ErrorInfo? DriftFailure = null,
    DigestClaimed? Digest = null,
    DigestPublished? Published = null,
    DigestMarked? Marked = null,
    ErrorInfo? Failure = null);
