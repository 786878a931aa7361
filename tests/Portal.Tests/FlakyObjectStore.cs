using ContinuousImprovement.Core.Ports;
using ContinuousImprovement.Core.Storage;

namespace ContinuousImprovement.Local.Portal.Tests;

/// <summary>An object store whose create-only writes fail while <see cref="FailWrites"/> is set, as a full disk would.</summary>
internal sealed class FlakyObjectStore(IObjectStore inner) : IObjectStore
{
    public bool FailWrites { get; set; }

    public Task<StoredObject?> HeadAsync(string bucket, string key, CancellationToken cancellationToken) => inner.HeadAsync(bucket, key, cancellationToken);

    public Task<ObjectContent?> GetAsync(string bucket, string key, CancellationToken cancellationToken) => inner.GetAsync(bucket, key, cancellationToken);

    public Task<StoredObject> PutAsync(string bucket, string key, ReadOnlyMemory<byte> body, string? contentType, IReadOnlyDictionary<string, string>? metadata, CancellationToken cancellationToken) =>
        inner.PutAsync(bucket, key, body, contentType, metadata, cancellationToken);

    public Task<StoredObject?> PutIfAbsentAsync(string bucket, string key, ReadOnlyMemory<byte> body, string? contentType, IReadOnlyDictionary<string, string>? metadata, CancellationToken cancellationToken) =>
        FailWrites
            ? throw new PortException(PortFailure.Unavailable, $"PUT {bucket}/{key}: No space left on device")
            : inner.PutIfAbsentAsync(bucket, key, body, contentType, metadata, cancellationToken);

    public Task<StoredObject?> CopyIfAbsentAsync(S3ObjectRef source, string destinationKey, IReadOnlyDictionary<string, string>? metadata, CancellationToken cancellationToken) =>
        inner.CopyIfAbsentAsync(source, destinationKey, metadata, cancellationToken);

    public IAsyncEnumerable<StoredObject> ListAsync(string bucket, string prefix, CancellationToken cancellationToken) => inner.ListAsync(bucket, prefix, cancellationToken);
}
