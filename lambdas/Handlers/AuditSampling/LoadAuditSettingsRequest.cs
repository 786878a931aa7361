namespace ContinuousImprovement.Handlers.AuditSampling;

/// <summary>The execution input, as the schedule sent it.</summary>
public sealed record LoadAuditSettingsRequest(AuditInput Input);
