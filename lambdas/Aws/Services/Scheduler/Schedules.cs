namespace ContinuousImprovement.Aws.Scheduler;

/// <summary><paramref name="Mode"/> is OFF or FLEXIBLE (then <paramref name="MaximumWindowInMinutes"/> applies).</summary>
public sealed record FlexibleTimeWindow(string Mode, int? MaximumWindowInMinutes = null);

public sealed record RetryPolicy(int? MaximumEventAgeInSeconds = null, int? MaximumRetryAttempts = null);

public sealed record DeadLetterConfig(string? Arn = null);

/// <summary>What the schedule invokes (e.g. a state machine ARN) with which role and input.</summary>
public sealed record Target(string Arn, string RoleArn, string? Input = null, RetryPolicy? RetryPolicy = null, DeadLetterConfig? DeadLetterConfig = null);

/// <summary>
/// Replaces a schedule (every field, as UpdateSchedule requires). <paramref name="ClientToken"/> is filled with a fresh
/// UUID when left null, so a retried update is applied once.
/// </summary>
public sealed record UpdateScheduleRequest(
    string Name,
    string ScheduleExpression,
    FlexibleTimeWindow FlexibleTimeWindow,
    Target Target,
    string? GroupName = null,
    string? State = null,
    string? Description = null,
    string? ScheduleExpressionTimezone = null,
    DateTimeOffset? StartDate = null,
    DateTimeOffset? EndDate = null,
    string? KmsKeyArn = null,
    string? ActionAfterCompletion = null,
    string? ClientToken = null);

public sealed record UpdateScheduleResponse(string ScheduleArn);

public sealed record GetScheduleRequest(string Name, string? GroupName = null);

public sealed record GetScheduleResponse(
    string? Arn = null,
    string? Name = null,
    string? GroupName = null,
    string? ScheduleExpression = null,
    string? ScheduleExpressionTimezone = null,
    string? State = null,
    string? Description = null,
    DateTimeOffset? StartDate = null,
    DateTimeOffset? EndDate = null,
    DateTimeOffset? CreationDate = null,
    DateTimeOffset? LastModificationDate = null,
    FlexibleTimeWindow? FlexibleTimeWindow = null,
    Target? Target = null,
    string? KmsKeyArn = null,
    string? ActionAfterCompletion = null);
