namespace ContinuousImprovement.Aws.Rekognition;

/// <summary>An object in S3; Rekognition reads images and manifests from the caller's bucket.</summary>
public sealed record S3Object(string? Bucket = null, string? Name = null, string? Version = null);

public sealed record GroundTruthManifest(S3Object? S3Object = null);

public sealed record Asset(GroundTruthManifest? GroundTruthManifest = null);

public sealed record OutputConfig(string? S3Bucket = null, string? S3KeyPrefix = null);

public sealed record TrainingData(IReadOnlyList<Asset>? Assets = null);

/// <summary>Test data: explicit assets, or <paramref name="AutoCreate"/> to split 20% off the training data.</summary>
public sealed record TestingData(IReadOnlyList<Asset>? Assets = null, bool? AutoCreate = null);
