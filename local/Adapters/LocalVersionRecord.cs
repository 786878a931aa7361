using ContinuousImprovement.Core.Training;

namespace ContinuousImprovement.Local.Adapters;

/// <summary>
/// What <see cref="LocalModelTraining"/> keeps per version: its status now, the one it moves to at
/// <see cref="NextAt"/> (null: it stays), and what the trainer said: F1 (macro), per-label scores on the test
/// manifest (<see cref="LabelScores"/>, when the trainer evaluated per label) and the trained model's file
/// (<see cref="ModelFile"/>, relative to the models folder; null for a version answered by fixed predictions).
/// </summary>
public sealed record LocalVersionRecord(
    string Arn,
    string ProjectArn,
    string VersionName,
    int Sequence,
    DateTimeOffset CreatedAt,
    string Status,
    string? StatusMessage,
    string? NextStatus,
    string? NextStatusMessage,
    DateTimeOffset? NextAt,
    double? F1,
    int? InferenceUnits,
    string? StartFailure,
    IReadOnlyDictionary<string, IReadOnlyList<LocalLabel>> Predictions,
    IReadOnlyList<LocalLabel>? Otherwise,
    string? ModelFile = null,
    IReadOnlyList<LabelMetrics>? LabelScores = null);
