namespace ContinuousImprovement.Handlers.AuditSampling;

/// <summary>One pick of the plan, the bucket its image is in, and the settings snapshot.</summary>
public sealed record PickRequest(AuditPickItem Pick, string Bucket, IReadOnlyDictionary<string, string> Settings);
