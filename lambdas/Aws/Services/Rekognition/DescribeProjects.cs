namespace ContinuousImprovement.Aws.Rekognition;

public sealed record DescribeProjectsRequest(string? NextToken = null, int? MaxResults = null, IReadOnlyList<string>? ProjectNames = null, IReadOnlyList<string>? Features = null);

public sealed record DescribeProjectsResponse(IReadOnlyList<ProjectDescription>? ProjectDescriptions = null, string? NextToken = null);

public sealed record ProjectDescription(
    string? ProjectArn = null,
    DateTimeOffset? CreationTimestamp = null,
    string? Status = null,
    IReadOnlyList<DatasetMetadata>? Datasets = null,
    string? Feature = null,
    string? AutoUpdate = null);

/// <summary>A project's dataset: <paramref name="DatasetType"/> is TRAIN or TEST.</summary>
public sealed record DatasetMetadata(
    DateTimeOffset? CreationTimestamp = null,
    string? DatasetType = null,
    string? DatasetArn = null,
    string? Status = null,
    string? StatusMessage = null,
    string? StatusMessageCode = null);
