namespace ContinuousImprovement.Aws.A2iRuntime;

/// <summary><paramref name="InputContent"/> is the JSON the worker task template reads (e.g. taskObject, detected label).</summary>
public sealed record HumanLoopInput(string InputContent);

/// <summary>Declarations A2I requires for public workforces, e.g. FreeOfPersonallyIdentifiableInformation.</summary>
public sealed record HumanLoopDataAttributes(IReadOnlyList<string> ContentClassifiers);

public sealed record StartHumanLoopRequest(string HumanLoopName, string FlowDefinitionArn, HumanLoopInput HumanLoopInput, HumanLoopDataAttributes? DataAttributes = null);

public sealed record StartHumanLoopResponse(string? HumanLoopArn = null);

/// <summary>Sent as the URI label /human-loops/{HumanLoopName}.</summary>
public sealed record DescribeHumanLoopRequest(string HumanLoopName);

public sealed record HumanLoopOutput(string OutputS3Uri);

/// <summary><paramref name="HumanLoopStatus"/> is InProgress, Failed, Completed, Stopped or Stopping.</summary>
public sealed record DescribeHumanLoopResponse(
    DateTimeOffset CreationTime,
    string HumanLoopStatus,
    string HumanLoopName,
    string HumanLoopArn,
    string FlowDefinitionArn,
    string? FailureReason = null,
    string? FailureCode = null,
    HumanLoopOutput? HumanLoopOutput = null);

public sealed record StopHumanLoopRequest(string HumanLoopName);

/// <summary>All members travel in the query string; <paramref name="SortOrder"/> is Ascending or Descending.</summary>
public sealed record ListHumanLoopsRequest(
    string FlowDefinitionArn,
    DateTimeOffset? CreationTimeAfter = null,
    DateTimeOffset? CreationTimeBefore = null,
    string? SortOrder = null,
    string? NextToken = null,
    int? MaxResults = null);

public sealed record HumanLoopSummary(
    string? HumanLoopName = null,
    string? HumanLoopStatus = null,
    DateTimeOffset? CreationTime = null,
    string? FailureReason = null,
    string? FlowDefinitionArn = null);

public sealed record ListHumanLoopsResponse(IReadOnlyList<HumanLoopSummary> HumanLoopSummaries, string? NextToken = null);
