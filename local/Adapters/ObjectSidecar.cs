namespace ContinuousImprovement.Local.Adapters;

/// <summary>What S3 keeps beside an object's bytes: its version, ETag, content type and user metadata.</summary>
internal sealed record ObjectSidecar(
    string VersionId,
    string ETag,
    long Size,
    string? ContentType,
    Dictionary<string, string> Metadata,
    DateTimeOffset LastModified);
