using ContinuousImprovement.Core.Text;
using System.Security.Cryptography;
using System.Text.Json;
using ContinuousImprovement.Core.Ports;
using ContinuousImprovement.Core.Storage;

namespace ContinuousImprovement.Local.Adapters;

/// <summary>
/// The bucket as a folder: <c>&lt;root&gt;/&lt;bucket&gt;/&lt;key&gt;</c> holds an object's bytes, so people can
/// browse and drop files; what S3 keeps beside the bytes (version id, ETag = MD5 hex of the content, content
/// type, user metadata) lives in a sidecar under <c>&lt;root&gt;/.objectstore/</c>, a name no bucket can have.
/// </summary>
/// <remarks>
/// Every write gets a new version id; only the newest version is kept. Create-only writes are atomic across
/// threads and processes (see <see cref="AtomicFile.TryCreate"/>). A file dropped in by hand has no sidecar:
/// it reads with the ETag of its content, version id "null" (as S3 reports unversioned objects) and no
/// metadata. Keys a folder cannot hold safely are refused, never stored elsewhere (see <see cref="ObjectKeyPaths"/>);
/// so are a key under another object ("a/b" when "a" is an object) and folder markers.
/// </remarks>
public sealed class FolderObjectStore : IObjectStore, IDisposable
{
    private const string StateFolder = ".objectstore";
    private const string UnversionedId = "null";

    private readonly string root;
    private readonly string tempFolder;
    private readonly TimeProvider time;

    // Keeps each object's bytes and sidecar consistent for readers and writers of this instance; other
    // processes only ever race on create-only writes, which the file system settles.
    private readonly SemaphoreSlim gate = new(1, 1);

    public FolderObjectStore(string root, TimeProvider? time = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(root);
        this.root = Path.GetFullPath(root);
        tempFolder = Path.Combine(this.root, StateFolder, "tmp");
        this.time = time ?? TimeProvider.System;
        Directory.CreateDirectory(this.root);
    }

    /// <summary>Where an object's bytes are on disk (for the twin and tests).</summary>
    public string PathOf(string bucket, string key) => ContentPath(bucket, key);

    public Task<StoredObject?> HeadAsync(string bucket, string key, CancellationToken cancellationToken) =>
        LockedAsync($"HEAD {bucket}/{key}", () => Read(bucket, key, withBody: false)?.Object, cancellationToken);

    public Task<ObjectContent?> GetAsync(string bucket, string key, CancellationToken cancellationToken) =>
        LockedAsync($"GET {bucket}/{key}", () => Read(bucket, key, withBody: true), cancellationToken);

    public async Task<StoredObject> PutAsync(string bucket, string key, ReadOnlyMemory<byte> body, string? contentType, IReadOnlyDictionary<string, string>? metadata, CancellationToken cancellationToken) =>
        (await LockedAsync($"PUT {bucket}/{key}", () => Write(bucket, key, body, contentType, metadata, createOnly: false), cancellationToken).ConfigureAwait(false))!;

    public Task<StoredObject?> PutIfAbsentAsync(string bucket, string key, ReadOnlyMemory<byte> body, string? contentType, IReadOnlyDictionary<string, string>? metadata, CancellationToken cancellationToken) =>
        LockedAsync($"PUT (if absent) {bucket}/{key}", () => Write(bucket, key, body, contentType, metadata, createOnly: true), cancellationToken);

    public Task<StoredObject?> CopyIfAbsentAsync(S3ObjectRef source, string destinationKey, IReadOnlyDictionary<string, string>? metadata, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(source);
        return LockedAsync($"COPY {source.Bucket}/{source.Key} to {destinationKey}", () =>
        {
            var content = Read(source.Bucket, source.Key, withBody: true)
                ?? throw new PortException(PortFailure.NotFound, $"Copy source {Printable.Quote(source.Uri, maxChars: 120)} does not exist.");
            if (source.VersionId is { } wanted && wanted != content.Object.Ref.VersionId)
            {
                throw new PortException(PortFailure.NotFound, $"Copy source {Printable.Quote(source.Uri, maxChars: 120)} has no version '{wanted}'; the folder store keeps only the newest ('{content.Object.Ref.VersionId}').");
            }

            // As S3's CopyObject: metadata given replaces the source's, none copies it.
            return Write(source.Bucket, destinationKey, content.Body, content.Object.ContentType, metadata ?? content.Object.Metadata, createOnly: true);
        }, cancellationToken);
    }

    public async IAsyncEnumerable<StoredObject> ListAsync(string bucket, string prefix, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(prefix);
        var listed = await LockedAsync($"LIST {bucket}/{prefix}", () => List(bucket, prefix), cancellationToken).ConfigureAwait(false);
        foreach (var stored in listed)
        {
            cancellationToken.ThrowIfCancellationRequested();
            yield return stored;
        }
    }

    public void Dispose() => gate.Dispose();

    private async Task<T> LockedAsync<T>(string what, Func<T> action, CancellationToken cancellationToken)
    {
        await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            return IoFailures.Guard(what, action);
        }
        finally
        {
            gate.Release();
        }
    }

    private ObjectContent? Read(string bucket, string key, bool withBody)
    {
        var path = ContentPath(bucket, key);
        if (!File.Exists(path))
        {
            return null;
        }

        var sidecar = ReadSidecar(bucket, key);
        var length = new FileInfo(path).Length;
        ReadOnlyMemory<byte> body = withBody || sidecar is null || sidecar.Size != length ? File.ReadAllBytes(path) : ReadOnlyMemory<byte>.Empty;

        // A file changed or dropped in by hand has no (matching) sidecar: describe it from its bytes.
        if (sidecar is null || sidecar.Size != length)
        {
            sidecar = new ObjectSidecar(UnversionedId, ETagOf(body.Span), body.Length, null, [], new DateTimeOffset(File.GetLastWriteTimeUtc(path), TimeSpan.Zero));
        }

        var stored = new StoredObject(new S3ObjectRef(bucket, key, sidecar.VersionId, sidecar.ETag), sidecar.Size, sidecar.ContentType, sidecar.Metadata);
        return new ObjectContent(stored, withBody ? body : ReadOnlyMemory<byte>.Empty);
    }

    private StoredObject? Write(string bucket, string key, ReadOnlyMemory<byte> body, string? contentType, IReadOnlyDictionary<string, string>? metadata, bool createOnly)
    {
        var path = ContentPath(bucket, key);
        RefuseKeyUnderAnObject(bucket, key, path);
        if (Directory.Exists(path))
        {
            throw new PortException(PortFailure.Conflict, $"Object {Printable.Quote(S3Uri.Format(bucket, key), maxChars: 120)} cannot be stored: other keys already use it as a folder.");
        }

        if (createOnly)
        {
            if (!AtomicFile.TryCreate(path, body.Span, tempFolder))
            {
                return null;
            }
        }
        else
        {
            AtomicFile.Replace(path, body.Span, tempFolder);
        }

        // S3 lower-cases user metadata names.
        var kept = (metadata ?? new Dictionary<string, string>()).ToDictionary(m => m.Key.ToLowerInvariant(), m => m.Value, StringComparer.Ordinal);
        var sidecar = new ObjectSidecar(Guid.NewGuid().ToString("N"), ETagOf(body.Span), body.Length, contentType, kept, time.GetUtcNow());
        AtomicFile.Replace(SidecarPath(bucket, key), JsonSerializer.SerializeToUtf8Bytes(sidecar, AdaptersJsonContext.Default.ObjectSidecar), tempFolder);
        return new StoredObject(new S3ObjectRef(bucket, key, sidecar.VersionId, sidecar.ETag), sidecar.Size, contentType, kept);
    }

    private List<StoredObject> List(string bucket, string prefix)
    {
        var bucketFolder = BucketFolder(bucket);
        var folderPart = prefix[..(prefix.LastIndexOf('/') + 1)];
        var start = Path.GetFullPath(Path.Combine(bucketFolder, folderPart.Replace('/', Path.DirectorySeparatorChar)));
        if (!(start == bucketFolder || start.StartsWith(bucketFolder + Path.DirectorySeparatorChar, StringComparison.Ordinal)) || !Directory.Exists(start))
        {
            return [];
        }

        var keys = Directory.EnumerateFiles(start, "*", SearchOption.AllDirectories)
            .Select(file => Path.GetRelativePath(bucketFolder, file).Replace(Path.DirectorySeparatorChar, '/'))
            .Where(key => key.StartsWith(prefix, StringComparison.Ordinal))
            .Order(Utf8Order.Instance);
        return keys.Select(key => Read(bucket, key, withBody: false)?.Object).OfType<StoredObject>().ToList();
    }

    private void RefuseKeyUnderAnObject(string bucket, string key, string path)
    {
        var bucketFolder = BucketFolder(bucket);
        for (var parent = Path.GetDirectoryName(path); parent is not null && parent.Length > bucketFolder.Length; parent = Path.GetDirectoryName(parent))
        {
            if (File.Exists(parent))
            {
                var objectKey = Path.GetRelativePath(bucketFolder, parent).Replace(Path.DirectorySeparatorChar, '/');
                throw new PortException(PortFailure.Conflict, $"Object {Printable.Quote(S3Uri.Format(bucket, key), maxChars: 120)} cannot be stored in a folder: {Printable.Quote(objectKey, maxChars: 120)} is an object, so it cannot also be a folder.");
            }
        }
    }

    private ObjectSidecar? ReadSidecar(string bucket, string key)
    {
        var path = SidecarPath(bucket, key);
        return File.Exists(path) ? JsonSerializer.Deserialize(File.ReadAllBytes(path), AdaptersJsonContext.Default.ObjectSidecar) : null;
    }

    private string BucketFolder(string bucket)
    {
        ObjectKeyPaths.CheckBucket(bucket);
        return Path.Combine(root, bucket);
    }

    private string ContentPath(string bucket, string key) =>
        ObjectKeyPaths.Under(BucketFolder(bucket), ObjectKeyPaths.RelativePath(key), key);

    private string SidecarPath(string bucket, string key)
    {
        ObjectKeyPaths.CheckBucket(bucket);
        return ObjectKeyPaths.Under(Path.Combine(root, StateFolder, "meta", bucket), ObjectKeyPaths.RelativePath(key) + ".json", key);
    }

#pragma warning disable CA5351 // S3 defines the ETag of a single-part upload as the MD5 of its bytes; not used for security.
    private static string ETagOf(ReadOnlySpan<byte> body) => Convert.ToHexStringLower(MD5.HashData(body));
#pragma warning restore CA5351
}
