namespace ContinuousImprovement.Core.Storage;

/// <summary>
/// One object in a bucket, with the version or ETag when known so that rules can tell two uploads
/// of the same key apart (idempotent loop names, collision-free filing).
/// </summary>
public sealed record S3ObjectRef(string Bucket, string Key, string? VersionId = null, string? ETag = null)
{
    /// <summary>The object's <c>s3://bucket/key</c> form, as A2I and Ground Truth manifests write it.</summary>
    public string Uri => S3Uri.Format(Bucket, Key);

    /// <summary>The part of the key after the last '/', i.e. the file name.</summary>
    public string FileName => Key[(Key.LastIndexOf('/') + 1)..];
}
