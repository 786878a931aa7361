using ContinuousImprovement.Core.Training;

namespace ContinuousImprovement.Local.Adapters;

/// <summary>
/// How a training ends: succeeded with an F1 and predictions (by image file name, <paramref name="Otherwise"/> for
/// any other image), or failed with <paramref name="StatusMessage"/>. <paramref name="TrainingTime"/> is how long the
/// version stays TRAINING_IN_PROGRESS on the clock; <paramref name="StartFailure"/>, when set, makes a later start
/// end FAILED with that message (as a version Rekognition cannot host does).
/// <para>
/// A real trainer also hands over the trained <paramref name="Model"/> (opaque bytes that
/// <see cref="LocalModelTraining"/> stores next to the version's record and an <see cref="ILocalPredictor"/> later
/// loads; the version then answers from it instead of the predictions) and its scores per label on the test
/// manifest (<paramref name="LabelScores"/>; <paramref name="F1"/> is their macro average).
/// </para>
/// </summary>
public sealed record LocalTrainingResult(
    bool Succeeded,
    string? StatusMessage,
    double? F1,
    IReadOnlyDictionary<string, IReadOnlyList<LocalLabel>> Predictions,
    IReadOnlyList<LocalLabel>? Otherwise,
    TimeSpan TrainingTime,
    string? StartFailure = null,
    ReadOnlyMemory<byte>? Model = null,
    IReadOnlyList<LabelMetrics>? LabelScores = null);
