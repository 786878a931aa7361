namespace ContinuousImprovement.Local.Twin.Workflows;

/// <summary>One finished execution as the journal lists it (what <c>improve executions</c> prints).</summary>
public sealed record ExecutionSummary(
    string Name,
    string Workflow,
    string Arn,
    string Status,
    DateTimeOffset Started,
    DateTimeOffset? Stopped,
    string? Error,
    string? Cause);
