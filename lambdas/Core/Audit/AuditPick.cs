namespace ContinuousImprovement.Core.Audit;

/// <summary>A detection the audit sends to a human, why, and where to resume if it cannot be sent now.</summary>
/// <param name="Detection">The picked detection.</param>
/// <param name="Counted">Confident detections counted since the last pick when this one was reached (≥ the interval).</param>
/// <param name="ResumeBefore">
/// The cursor just before this detection: stored instead of the plan's next cursor when no human-loop slot can be
/// taken for it, so the next run picks it first.
/// </param>
/// <param name="Reason">Why a human is asked, for the inference log and the reviewer.</param>
public sealed record AuditPick(AuditCandidate Detection, int Counted, AuditCursor ResumeBefore, string Reason);
