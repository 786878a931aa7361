namespace ContinuousImprovement.Aws.StepFunctions;

/// <summary>Starts a state machine; <paramref name="Name"/> (unique for 90 days) makes the start idempotent.</summary>
public sealed record StartExecutionRequest(string StateMachineArn, string? Name = null, string? Input = null, string? TraceHeader = null);

public sealed record StartExecutionResponse(string ExecutionArn, DateTimeOffset StartDate);

public sealed record DescribeExecutionRequest(string ExecutionArn, string? IncludedData = null);

/// <summary><paramref name="Status"/> is RUNNING, SUCCEEDED, FAILED, TIMED_OUT, ABORTED or PENDING_REDRIVE.</summary>
public sealed record DescribeExecutionResponse(
    string ExecutionArn,
    string StateMachineArn,
    string Status,
    DateTimeOffset StartDate,
    string? Name = null,
    DateTimeOffset? StopDate = null,
    string? Input = null,
    string? Output = null,
    string? Error = null,
    string? Cause = null,
    string? TraceHeader = null,
    int? RedriveCount = null);
