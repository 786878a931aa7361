namespace ContinuousImprovement.Handlers.Training;

/// <summary>
/// The scheduled check's answer and everything later steps need from it: the settings snapshot, the labeled set
/// (count and fingerprint), the polling figures, the execution that claimed the training; <see cref="Outcome"/> is
/// set when no training is due.
/// </summary>
public sealed record TrainingCheck(
    bool Train,
    string Reason,
    string Bucket,
    string ProjectArn,
    DateTimeOffset StartedAt,
    int PollSeconds,
    int MaxPolls,
    int LabeledCount,
    string Fingerprint,
    int SkippedKeys,
    IReadOnlyDictionary<string, string> Settings,
    IReadOnlyList<string> Problems,
    TrainingOutcome? Outcome,
    string Execution);
