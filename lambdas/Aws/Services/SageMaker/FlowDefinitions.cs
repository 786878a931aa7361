namespace ContinuousImprovement.Aws.SageMaker;

public sealed record Tag(string Key, string Value);

/// <summary>The human task: which work team, which UI, how many workers per item and for how long.</summary>
public sealed record HumanLoopConfig(
    string WorkteamArn,
    string HumanTaskUiArn,
    string TaskTitle,
    string TaskDescription,
    int TaskCount,
    int? TaskAvailabilityLifetimeInSeconds = null,
    int? TaskTimeLimitInSeconds = null,
    IReadOnlyList<string>? TaskKeywords = null);

public sealed record FlowDefinitionOutputConfig(string S3OutputPath, string? KmsKeyId = null);

public sealed record HumanLoopRequestSource(string AwsManagedHumanLoopRequestSource);

public sealed record HumanLoopActivationConditionsConfig(string HumanLoopActivationConditions);

public sealed record HumanLoopActivationConfig(HumanLoopActivationConditionsConfig HumanLoopActivationConditionsConfig);

public sealed record CreateFlowDefinitionRequest(
    string FlowDefinitionName,
    FlowDefinitionOutputConfig OutputConfig,
    string RoleArn,
    HumanLoopConfig? HumanLoopConfig = null,
    HumanLoopRequestSource? HumanLoopRequestSource = null,
    HumanLoopActivationConfig? HumanLoopActivationConfig = null,
    IReadOnlyList<Tag>? Tags = null);

public sealed record CreateFlowDefinitionResponse(string FlowDefinitionArn);

public sealed record DescribeFlowDefinitionRequest(string FlowDefinitionName);

/// <summary><paramref name="FlowDefinitionStatus"/> is Initializing, Active, Failed or Deleting.</summary>
public sealed record DescribeFlowDefinitionResponse(
    string FlowDefinitionArn,
    string FlowDefinitionName,
    string FlowDefinitionStatus,
    DateTimeOffset CreationTime,
    FlowDefinitionOutputConfig OutputConfig,
    string RoleArn,
    HumanLoopConfig? HumanLoopConfig = null,
    HumanLoopRequestSource? HumanLoopRequestSource = null,
    HumanLoopActivationConfig? HumanLoopActivationConfig = null,
    string? FailureReason = null);

/// <summary><paramref name="Content"/> is the Liquid/HTML worker template.</summary>
public sealed record UiTemplate(string Content);

public sealed record CreateHumanTaskUiRequest(string HumanTaskUiName, UiTemplate UiTemplate, IReadOnlyList<Tag>? Tags = null);

public sealed record CreateHumanTaskUiResponse(string HumanTaskUiArn);
