using ContinuousImprovement.Core.Storage;

namespace ContinuousImprovement.Core.Ports;

/// <summary>Facts about a stored object: where it is, which version, how big.</summary>
public sealed record StoredObject(S3ObjectRef Ref, long Size, string? ContentType, IReadOnlyDictionary<string, string> Metadata);

/// <summary>A stored object with its bytes.</summary>
public sealed record ObjectContent(StoredObject Object, ReadOnlyMemory<byte> Body);

/// <summary>
/// The bucket (S3 on AWS, a folder in the twin). Writes that must never overwrite use the create-only
/// variants, which answer null when the key is taken (S3's <c>If-None-Match: *</c>).
/// </summary>
public interface IObjectStore
{
    Task<StoredObject?> HeadAsync(string bucket, string key, CancellationToken cancellationToken);

    Task<ObjectContent?> GetAsync(string bucket, string key, CancellationToken cancellationToken);

    Task<StoredObject> PutAsync(string bucket, string key, ReadOnlyMemory<byte> body, string? contentType, IReadOnlyDictionary<string, string>? metadata, CancellationToken cancellationToken);

    /// <summary>Creates <paramref name="key"/> only if it does not exist; null when it does.</summary>
    Task<StoredObject?> PutIfAbsentAsync(string bucket, string key, ReadOnlyMemory<byte> body, string? contentType, IReadOnlyDictionary<string, string>? metadata, CancellationToken cancellationToken);

    /// <summary>Copies an object to a new key in the same bucket, only if that key does not exist; null when it does.</summary>
    Task<StoredObject?> CopyIfAbsentAsync(S3ObjectRef source, string destinationKey, IReadOnlyDictionary<string, string>? metadata, CancellationToken cancellationToken);

    /// <summary>Every object under a prefix, in key order.</summary>
    IAsyncEnumerable<StoredObject> ListAsync(string bucket, string prefix, CancellationToken cancellationToken);
}
