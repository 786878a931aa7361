namespace ContinuousImprovement.Aws.Rekognition;

public sealed record DescribeProjectVersionsRequest(string ProjectArn, IReadOnlyList<string>? VersionNames = null, string? NextToken = null, int? MaxResults = null);

public sealed record DescribeProjectVersionsResponse(IReadOnlyList<ProjectVersionDescription>? ProjectVersionDescriptions = null, string? NextToken = null);

/// <summary>A model version: <paramref name="Status"/> is TRAINING_IN_PROGRESS, TRAINING_COMPLETED, RUNNING, STOPPED, FAILED, ... (kept as text: AWS adds values).</summary>
public sealed record ProjectVersionDescription(
    string? ProjectVersionArn = null,
    DateTimeOffset? CreationTimestamp = null,
    int? MinInferenceUnits = null,
    string? Status = null,
    string? StatusMessage = null,
    long? BillableTrainingTimeInSeconds = null,
    DateTimeOffset? TrainingEndTimestamp = null,
    OutputConfig? OutputConfig = null,
    EvaluationResult? EvaluationResult = null,
    GroundTruthManifest? ManifestSummary = null,
    int? MaxInferenceUnits = null,
    string? VersionDescription = null,
    string? Feature = null);

public sealed record EvaluationResult(double? F1Score = null, EvaluationSummary? Summary = null);

/// <summary>Where Rekognition wrote the evaluation summary JSON (per-label precision, recall, F1).</summary>
public sealed record EvaluationSummary(S3Object? S3Object = null);
