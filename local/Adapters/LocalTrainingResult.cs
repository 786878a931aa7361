namespace ContinuousImprovement.Local.Adapters;

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
