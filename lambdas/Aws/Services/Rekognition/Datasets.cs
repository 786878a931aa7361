namespace ContinuousImprovement.Aws.Rekognition;

public sealed record DatasetSource(GroundTruthManifest? GroundTruthManifest = null, string? DatasetArn = null);

public sealed record CreateDatasetRequest(string DatasetType, string ProjectArn, DatasetSource? DatasetSource = null, IReadOnlyDictionary<string, string>? Tags = null);

public sealed record CreateDatasetResponse(string? DatasetArn = null);

/// <summary><paramref name="GroundTruth"/> is Ground Truth manifest lines (JSON Lines, UTF-8) to add or update.</summary>
public sealed record DatasetChanges(byte[] GroundTruth);

public sealed record UpdateDatasetEntriesRequest(string DatasetArn, DatasetChanges Changes);
