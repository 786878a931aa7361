namespace ContinuousImprovement.Handlers.AuditSampling;

/// <summary>How many predictions a round may read, and the settings snapshot.</summary>
public sealed record PlanAuditRequest(int MaxExamined, IReadOnlyDictionary<string, string> Settings);
