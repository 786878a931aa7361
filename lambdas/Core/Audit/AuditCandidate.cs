namespace ContinuousImprovement.Core.Audit;

/// <summary>
/// One confident detection the audit may pick: its inference log sequence number and image key, and what is
/// already known about its review.
/// </summary>
/// <param name="Sequence">The inference log sequence number (what orders detections and what the cursor records).</param>
/// <param name="ImageKey">The uploaded image's key; one plan never picks the same key twice.</param>
/// <param name="Audited">An earlier audit run already sent it to a human (that run failed before moving the cursor).</param>
/// <param name="Labeled">It already has a human label, so reviewing it again teaches nothing.</param>
public sealed record AuditCandidate(long Sequence, string ImageKey, bool Audited = false, bool Labeled = false)
{
    /// <summary>The image key (never null).</summary>
    public string ImageKey { get; init; } = ImageKey ?? throw new ArgumentNullException(nameof(ImageKey));
}
