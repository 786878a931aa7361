using System.Text.Json;

namespace ContinuousImprovement.Handlers.AuditSampling;

/// <summary>A failed execution: its input and the state it had reached, with the caught error.</summary>
public sealed record DescribeAuditFailureRequest(JsonElement Input, AuditProgress Progress);
