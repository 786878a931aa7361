namespace ContinuousImprovement.Aws.Rekognition;

public sealed record StartProjectVersionRequest(string ProjectVersionArn, int MinInferenceUnits, int? MaxInferenceUnits = null);

public sealed record StartProjectVersionResponse(string? Status = null);

public sealed record StopProjectVersionRequest(string ProjectVersionArn);

public sealed record StopProjectVersionResponse(string? Status = null);
