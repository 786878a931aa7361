namespace ContinuousImprovement.Local.Adapters;

/// <summary>
/// Trains a model version for <see cref="LocalModelTraining"/>: the seam where the twin's real learner (ML.NET) plugs
/// in. It is given the Ground Truth manifests Rekognition would be given and answers with the version's F1 on the
/// test manifest and the predictions the local runtime serves once the version runs.
/// </summary>
public interface ILocalTrainer
{
    Task<LocalTrainingResult> TrainAsync(LocalTrainingJob job, CancellationToken cancellationToken);
}

/// <summary>One training: the version, its 1-based sequence number among all versions created, and both manifests' text (JSON Lines).</summary>
public sealed record LocalTrainingJob(string VersionArn, string VersionName, int Sequence, string TrainingManifest, string TestManifest);

/// <summary>
/// How a training ends: succeeded with an F1 and predictions (by image file name, <paramref name="Otherwise"/> for
/// any other image), or failed with <paramref name="StatusMessage"/>. <paramref name="TrainingTime"/> is how long the
/// version stays TRAINING_IN_PROGRESS on the clock; <paramref name="StartFailure"/>, when set, makes a later start
/// end FAILED with that message (as a version Rekognition cannot host does).
/// </summary>
public sealed record LocalTrainingResult(
    bool Succeeded,
    string? StatusMessage,
    double? F1,
    IReadOnlyDictionary<string, IReadOnlyList<LocalLabel>> Predictions,
    IReadOnlyList<LocalLabel>? Otherwise,
    TimeSpan TrainingTime,
    string? StartFailure = null);

/// <summary>
/// One planned version for <see cref="ScriptedTrainer"/>, as a test or the twin writes it in its plan file.
/// <paramref name="Failure"/> set: training fails with it. Times in minutes; null takes the trainer's defaults.
/// </summary>
public sealed record LocalPlannedVersion(
    double? F1 = null,
    string? Failure = null,
    string? StartFailure = null,
    double? TrainingMinutes = null,
    IReadOnlyDictionary<string, IReadOnlyList<LocalLabel>>? Predictions = null,
    IReadOnlyList<LocalLabel>? Otherwise = null);
