using ContinuousImprovement.Core.Audit;
using ContinuousImprovement.Core.Drift;
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
/// twin); also the atomic daily human-loop counter the cap needs, which must not live in Parameter Store, and the
/// audit sampling cursor. The cursor lives here rather than in the system parameter because it is a position in
/// this log (a new or restored log brings its own), it moves on every audit run, and moving it safely needs a
/// compare-and-set, which Parameter Store does not offer: read-modify-writes of the shared system parameter by
/// several workflows can lose each other's fields. Each model version's last drift alert lives here for the same
/// reasons: it is about this log's labels, and recording it is a compare-and-set.
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
    /// Gives back one of <paramref name="day"/>'s reserved slots, for a loop that was reserved but never started, so an
    /// outage of the review service does not use up the day's cap; true when one was given back, false when the day
    /// had none taken (the count never goes below zero).
    /// </summary>
    Task<bool> ReleaseHumanLoopAsync(DateOnly day, CancellationToken cancellationToken);

    /// <summary>Human loops reserved on <paramref name="day"/> so far (0 when none): what is left of the cap is the cap minus this.</summary>
    Task<int> HumanLoopsOnAsync(DateOnly day, CancellationToken cancellationToken);

    /// <summary>
    /// How the top labels of <paramref name="modelVersionArn"/> compare with the human labels of the images it
    /// predicted that one of <paramref name="pickedBy"/> sent to a human: a rule name, as <see cref="LabelSources.PickedBy"/>
    /// reads the record's reasons (e.g. <c>random</c>, <c>audit-sampling</c>). Records without a human label are left out.
    /// The drift check counts only labels that represent the images at large; a label recorded moments ago may be
    /// counted only by the next read (the AWS adapter reads an index, which follows the table within a second).
    /// </summary>
    Task<ModelConfusion> ConfusionAsync(string modelVersionArn, IReadOnlySet<string> pickedBy, CancellationToken cancellationToken);

    /// <summary>The last drift alert raised for <paramref name="modelVersionArn"/>; null when none was.</summary>
    Task<DriftAlert?> DriftAlertAsync(string modelVersionArn, CancellationToken cancellationToken);

    /// <summary>
    /// Stores <paramref name="alert"/> as its version's last drift alert only if the stored one is still
    /// <paramref name="expected"/> (null: none is stored); false when another run stored one meanwhile, which then stands.
    /// </summary>
    Task<bool> TryRecordDriftAlertAsync(DriftAlert? expected, DriftAlert alert, CancellationToken cancellationToken);

    /// <summary>
    /// For audit sampling: reads the predictions after <paramref name="afterSequence"/> in sequence order, at most
    /// <paramref name="limit"/> of them, and returns the confident detections among them — a top label with a
    /// confidence ≥ <paramref name="minimumConfidence"/> (0–100) that no sampling rule sent to a human (those audit
    /// sampling itself sent are included, flagged <see cref="LoggedInference.Audited"/>, so a re-run counts as the
    /// first run did). The read stops before the first prediction logged at or after <paramref name="loggedBefore"/>,
    /// whose decision may not be written yet.
    /// </summary>
    Task<ConfidentDetections> ConfidentDetectionsAsync(long afterSequence, double minimumConfidence, DateTimeOffset loggedBefore, int limit, CancellationToken cancellationToken);

    /// <summary>
    /// Records that audit sampling sent the prediction #<paramref name="sequenceNumber"/> to a human: sent to a
    /// human, its loop name and <paramref name="reasons"/> (replacing the stored ones) and the audited flag. Writing
    /// it again replaces it.
    /// </summary>
    Task RecordAuditAsync(long sequenceNumber, IReadOnlyList<string> reasons, string humanLoopName, CancellationToken cancellationToken);

    /// <summary>Where audit sampling resumes; null before the first audit stored one.</summary>
    Task<AuditCursor?> AuditCursorAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Stores <paramref name="moved"/> only if the stored cursor is still <paramref name="expected"/> (null: none is
    /// stored); false when another audit run moved it meanwhile, which then stands.
    /// </summary>
    Task<bool> TryMoveAuditCursorAsync(AuditCursor? expected, AuditCursor moved, CancellationToken cancellationToken);
}
