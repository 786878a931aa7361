namespace ContinuousImprovement.Core.Training;

/// <summary>
/// Everything the scheduled check knows when it asks "train now?".
/// </summary>
/// <param name="Enabled">The operator's automatic-training switch.</param>
/// <param name="LabeledCount">Images under the labeled folder now.</param>
/// <param name="LabeledFingerprint"><see cref="LabeledSetFingerprint.Of"/> of those images' keys.</param>
/// <param name="LabeledCountAtLastSuccess">Labeled images when the serving model was trained; null before the first success.</param>
/// <param name="MinimumUntrainedImages">Operator parameter Minimum-Untrained-Images.</param>
/// <param name="TrainingInProgress">A training workflow is running now.</param>
/// <param name="LastAttempt">The most recent attempt whatever its outcome; null if none.</param>
/// <param name="RetryRequested">An operator asked to try again on an unchanged labeled set.</param>
public sealed record TrainingCriteriaInput(
    bool Enabled,
    int LabeledCount,
    string LabeledFingerprint,
    int? LabeledCountAtLastSuccess,
    int MinimumUntrainedImages,
    bool TrainingInProgress,
    LastTrainingAttempt? LastAttempt,
    bool RetryRequested);
