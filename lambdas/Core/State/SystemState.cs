using ContinuousImprovement.Core.Training;

namespace ContinuousImprovement.Core.State;

/// <summary>
/// The JSON system parameter: operational state every workflow shares (schema:
/// <c>parameters/system-state.schema.json</c>). Workflows write it; operators read it through status views.
/// </summary>
public sealed record SystemState(
    int SchemaVersion,
    ServingVersion? Serving,
    CandidateVersion? Candidate,
    SuccessfulTraining? LastSuccessfulTraining,
    LastTrainingAttempt? LastTrainingAttempt,
    SystemCounters Counters,
    IReadOnlyDictionary<string, string> LastGoodParameters,
    TrainingClaim? Claim = null)
{
    /// <summary>The version this build writes; <see cref="SystemStateDocument"/> refuses newer ones.</summary>
    public const int CurrentSchemaVersion = 1;

    /// <summary>A fresh deployment: nothing serves, nothing trained, nothing counted.</summary>
    public static SystemState Initial =>
        new(CurrentSchemaVersion, null, null, null, null, SystemCounters.Zero, new Dictionary<string, string>());
}

/// <summary>The model version consumers' images are detected with.</summary>
public sealed record ServingVersion(string ProjectVersionArn, double? F1, DateTimeOffset Since);

/// <summary>A version being trained or started, with the labeled set it was trained on.</summary>
public sealed record CandidateVersion(string ProjectVersionArn, string Status, DateTimeOffset StartedAt, string LabeledFingerprint, int LabeledCount, double? F1);

/// <summary>
/// A training execution that passed the check and is creating its version: later checks (a duplicate delivery of the
/// same schedule event, a manual start) see a training under way before the version exists to be recorded.
/// </summary>
public sealed record TrainingClaim(string Execution, DateTimeOffset At);

/// <summary>The newest training whose version was deployed; new labels are counted from here.</summary>
public sealed record SuccessfulTraining(DateTimeOffset At, int LabeledImageCount, string ProjectVersionArn);

/// <summary>
/// Totals that change a few times a day. Per-image counts (detections, human loops, the daily cap) live in
/// the inference log: a parameter written on every image would hit Parameter Store's write limits.
/// </summary>
public sealed record SystemCounters(long Trainings, long Deployments)
{
    public static SystemCounters Zero => new(0, 0);
}
