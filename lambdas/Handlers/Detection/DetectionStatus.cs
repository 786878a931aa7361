namespace ContinuousImprovement.Handlers.Detection;

/// <summary>How the detection of one image ended (<see cref="DetectionOutcome.Status"/>).</summary>
public static class DetectionStatus
{
    /// <summary>No model serves: the image waits, marked under <see cref="PendingImages.Prefix"/>.</summary>
    public const string Pending = "pending";

    /// <summary>The image cannot be processed; a copy is kept under quarantine/ with the reason.</summary>
    public const string Quarantined = "quarantined";

    /// <summary>Classified and logged; no human review (none wanted, or review switched off).</summary>
    public const string Detected = "detected";

    /// <summary>A review was wanted but the daily cap of human loops is reached.</summary>
    public const string Capped = "capped";

    /// <summary>A review is wanted and a slot is reserved; the start-review step follows.</summary>
    public const string ReviewWanted = "review-wanted";

    /// <summary>A human loop was started.</summary>
    public const string ReviewStarted = "review-started";

    /// <summary>The upload's human loop already exists (a re-delivered event): nothing new started.</summary>
    public const string AlreadyInReview = "already-in-review";
}
