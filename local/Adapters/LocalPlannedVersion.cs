namespace ContinuousImprovement.Local.Adapters;

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
