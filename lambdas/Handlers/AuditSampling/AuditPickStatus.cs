namespace ContinuousImprovement.Handlers.AuditSampling;

/// <summary>How one pick ended (<see cref="PickOutcome.Status"/>).</summary>
public static class AuditPickStatus
{
    /// <summary>A slot is reserved and no loop exists yet; the start-review step follows.</summary>
    public const string ReviewWanted = "review-wanted";

    /// <summary>A human loop was started.</summary>
    public const string ReviewStarted = "review-started";

    /// <summary>The image's loop already exists (an earlier run, or the same upload detected twice): recorded, nothing new started.</summary>
    public const string AlreadyInReview = "already-in-review";

    /// <summary>No slot was left today; the cursor stops before this pick so the next run takes it first.</summary>
    public const string Capped = "capped";

    /// <summary>The image is no longer in the bucket; nothing to review.</summary>
    public const string Gone = "gone";
}
