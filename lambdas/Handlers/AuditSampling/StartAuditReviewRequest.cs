namespace ContinuousImprovement.Handlers.AuditSampling;

/// <summary>A pick with its reserved slot (<see cref="PickOutcome.StartReview"/>), and the settings snapshot.</summary>
public sealed record StartAuditReviewRequest(AuditPickItem Pick, PickOutcome Reserved, IReadOnlyDictionary<string, string> Settings);
