using ContinuousImprovement.Handlers.Contracts;

namespace ContinuousImprovement.Handlers.AuditSampling;

/// <summary>A pick whose start failed for good: its reserve outcome (the loop name and the day of its slot) and the caught error.</summary>
public sealed record ReturnAuditSlotRequest(PickOutcome Reserved, ErrorInfo Failure);
