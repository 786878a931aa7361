namespace ContinuousImprovement.Aws.EventBridge;

public sealed record Tag(string Key, string Value);

/// <summary>
/// Creates or updates a rule: a schedule ("rate(60 minutes)", "cron(0 3 * * ? *)") or an event pattern;
/// <paramref name="State"/> is ENABLED or DISABLED. Re-timing the training schedule is a PutRule with a new expression.
/// </summary>
public sealed record PutRuleRequest(
    string Name,
    string? ScheduleExpression = null,
    string? EventPattern = null,
    string? State = null,
    string? Description = null,
    string? RoleArn = null,
    IReadOnlyList<Tag>? Tags = null,
    string? EventBusName = null);

public sealed record PutRuleResponse(string? RuleArn = null);

public sealed record EnableRuleRequest(string Name, string? EventBusName = null);

public sealed record DisableRuleRequest(string Name, string? EventBusName = null);

public sealed record DescribeRuleRequest(string Name, string? EventBusName = null);

public sealed record DescribeRuleResponse(
    string? Name = null,
    string? Arn = null,
    string? EventPattern = null,
    string? ScheduleExpression = null,
    string? State = null,
    string? Description = null,
    string? RoleArn = null,
    string? ManagedBy = null,
    string? EventBusName = null,
    string? CreatedBy = null);
