namespace ContinuousImprovement.Core.Settings;

/// <summary>What the scheduled training workflow needs from the operator.</summary>
public sealed record TrainingSettings(
    bool Enabled,
    TimeSpan PollEvery,
    int MinimumUntrainedImages,
    double MinimumF1Score,
    int MinimumInferenceUnits);
