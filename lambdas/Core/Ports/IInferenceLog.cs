using ContinuousImprovement.Core.Sampling;

namespace ContinuousImprovement.Core.Ports;

/// <summary>One prediction and what was decided about it; the human label arrives later.</summary>
public sealed record InferenceRecord(
    string ImageKey,
    string ModelVersionArn,
    Prediction Prediction,
    bool SentToHuman,
    IReadOnlyList<string> Reasons,
    string? HumanLoopName,
    DateTimeOffset At,
    string? HumanLabel = null);

/// <summary>
/// Every prediction, its sampling decision and its human label (DynamoDB on AWS, an embedded store in the
/// twin); also the atomic daily human-loop counter the cap needs, which must not live in Parameter Store.
/// </summary>
public interface IInferenceLog
{
    /// <summary>Records a prediction and returns its 1-based sequence number (what audit sampling counts).</summary>
    Task<long> RecordAsync(InferenceRecord record, CancellationToken cancellationToken);

    /// <summary>
    /// Stores what was decided about the prediction recorded as <paramref name="sequenceNumber"/>. The decision
    /// comes after the record because audit sampling counts by the sequence number the record gets. Writing it
    /// again replaces it, so a retried decision leaves one.
    /// </summary>
    Task RecordDecisionAsync(long sequenceNumber, bool sentToHuman, IReadOnlyList<string> reasons, string? humanLoopName, CancellationToken cancellationToken);

    /// <summary>Adds the human label to the image's newest record.</summary>
    Task RecordHumanLabelAsync(string imageKey, string label, CancellationToken cancellationToken);

    /// <summary>Takes one of today's human-loop slots if fewer than <paramref name="cap"/> are taken; false when the cap is reached.</summary>
    Task<bool> TryReserveHumanLoopAsync(DateOnly day, int cap, CancellationToken cancellationToken);

    /// <summary>
    /// Images worth retraining on: a human label that differs from the prediction, or a top confidence below
    /// <paramref name="confidenceThreshold"/> (0–100), newest first.
    /// </summary>
    Task<IReadOnlyList<InferenceRecord>> RetrainingCandidatesAsync(double confidenceThreshold, int limit, CancellationToken cancellationToken);
}
