namespace ContinuousImprovement.Core.Drift;

/// <summary>
/// The last drift alert raised for a model version, kept with the inference log so the next runs judge only the
/// human labels that came after it: a version is alerted again only when a fresh window of labels drifts too.
/// </summary>
/// <param name="ModelVersionArn">The version alerted.</param>
/// <param name="Labels">Counted human labels of the version when the alert was raised (all of them, not only the window's).</param>
/// <param name="Agreed">Of those, the ones whose top label was the human label.</param>
/// <param name="At">When the alert was raised.</param>
public sealed record DriftAlert(string ModelVersionArn, int Labels, int Agreed, DateTimeOffset At);
