using ContinuousImprovement.Core.Ports;
using ContinuousImprovement.Core.Storage;

namespace ContinuousImprovement.Local.Twin.Events;

/// <summary>
/// The bucket with EventBridge notifications on: every object created (put or copy) raises S3's "Object Created"
/// event after the write, as S3 does, so whatever workflow's rule matches it starts.
/// </summary>
public sealed class EventingObjectStore(IObjectStore inner, IEventSink events, TimeProvider time) : IObjectStore
{
    private long sequence;

    public Task<StoredObject?> HeadAsync(string bucket, string key, CancellationToken cancellationToken) =>
        inner.HeadAsync(bucket, key, cancellationToken);

    public Task<ObjectContent?> GetAsync(string bucket, string key, CancellationToken cancellationToken) =>
        inner.GetAsync(bucket, key, cancellationToken);

    public async Task<StoredObject> PutAsync(string bucket, string key, ReadOnlyMemory<byte> body, string? contentType, IReadOnlyDictionary<string, string>? metadata, CancellationToken cancellationToken) =>
        Raise(await inner.PutAsync(bucket, key, body, contentType, metadata, cancellationToken).ConfigureAwait(false), "PutObject")!;

    public async Task<StoredObject?> PutIfAbsentAsync(string bucket, string key, ReadOnlyMemory<byte> body, string? contentType, IReadOnlyDictionary<string, string>? metadata, CancellationToken cancellationToken) =>
        Raise(await inner.PutIfAbsentAsync(bucket, key, body, contentType, metadata, cancellationToken).ConfigureAwait(false), "PutObject");

    public async Task<StoredObject?> CopyIfAbsentAsync(S3ObjectRef source, string destinationKey, IReadOnlyDictionary<string, string>? metadata, CancellationToken cancellationToken) =>
        Raise(await inner.CopyIfAbsentAsync(source, destinationKey, metadata, cancellationToken).ConfigureAwait(false), "CopyObject");

    public IAsyncEnumerable<StoredObject> ListAsync(string bucket, string prefix, CancellationToken cancellationToken) =>
        inner.ListAsync(bucket, prefix, cancellationToken);

    // A create-only write that found the key taken created nothing, so S3 sends nothing.
    private StoredObject? Raise(StoredObject? created, string reason)
    {
        if (created is not null)
        {
            events.Publish(S3EventJson.ObjectCreated(created, reason, time.GetUtcNow(), Interlocked.Increment(ref sequence)));
        }

        return created;
    }
}
