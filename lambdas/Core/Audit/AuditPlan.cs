namespace ContinuousImprovement.Core.Audit;

/// <summary>The outcome of <see cref="AuditSampling.Plan"/> for one window of the inference log.</summary>
/// <param name="Cursor">The cursor the plan started from.</param>
/// <param name="Picks">Detections to send to a human now, in sequence order; each needs one of today's slots.</param>
/// <param name="AlreadySent">Detections at a pick position that an earlier run already sent (no new loop, no slot).</param>
/// <param name="PassedOver">Detections at a pick position that could not be picked (human label already, or an image key picked earlier in this plan); the next eligible one takes the pick.</param>
/// <param name="Next">Where the next run resumes when every pick was sent.</param>
/// <param name="Deferred">The remaining daily cap ran out: <see cref="Next"/> stops just before the first pick without a slot.</param>
/// <param name="Confident">Confident detections counted by this plan (up to <see cref="Next"/>).</param>
/// <param name="Summary">One line for logs and notifications.</param>
public sealed record AuditPlan(
    AuditCursor Cursor,
    IReadOnlyList<AuditPick> Picks,
    IReadOnlyList<AuditCandidate> AlreadySent,
    IReadOnlyList<AuditCandidate> PassedOver,
    AuditCursor Next,
    bool Deferred,
    int Confident,
    string Summary);
