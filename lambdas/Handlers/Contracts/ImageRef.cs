using System.Text.Json.Serialization;
using ContinuousImprovement.Core.Storage;

namespace ContinuousImprovement.Handlers.Contracts;

/// <summary>An uploaded image as workflow state carries it: bucket, decoded key, and the version or ETag that tell uploads apart.</summary>
public sealed record ImageRef(
    string Bucket,
    string Key,
    string? VersionId,
    [property: JsonPropertyName("etag")] string? ETag)
{
    public static ImageRef From(S3ObjectRef image)
    {
        ArgumentNullException.ThrowIfNull(image);
        return new ImageRef(image.Bucket, image.Key, image.VersionId, image.ETag);
    }

    public S3ObjectRef ToS3() => new(Bucket, Key, VersionId, ETag);
}
