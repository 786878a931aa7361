namespace ContinuousImprovement.Aws.Rekognition;

public sealed record CreateProjectVersionRequest(
    string ProjectArn,
    string VersionName,
    OutputConfig OutputConfig,
    TrainingData? TrainingData = null,
    TestingData? TestingData = null,
    IReadOnlyDictionary<string, string>? Tags = null,
    string? KmsKeyId = null,
    string? VersionDescription = null);

public sealed record CreateProjectVersionResponse(string? ProjectVersionArn = null);
