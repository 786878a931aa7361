using System.Net;
using System.Runtime.CompilerServices;
using Amazon.S3;
using Amazon.S3.Model;
using ContinuousImprovement.Core.Ports;
using ContinuousImprovement.Core.Storage;

namespace ContinuousImprovement.Aws.Adapters;

/// <summary>
/// <see cref="IObjectStore"/> on S3 (AWSSDK.S3). The create-only writes send <c>If-None-Match: *</c>, which S3 refuses
/// with 412 PreconditionFailed (or 409 ConditionalRequestConflict while a competing write is in flight) when the key
/// is taken: both answer null, so exactly one of several racing writers wins. User metadata is given and returned
/// without the <c>x-amz-meta-</c> prefix; ETags without their quotes.
/// </summary>
public sealed class S3ObjectStore(IAmazonS3 s3) : IObjectStore
{
    private const string MetaPrefix = "x-amz-meta-";

    public async Task<StoredObject?> HeadAsync(string bucket, string key, CancellationToken cancellationToken)
    {
        try
        {
            var response = await s3.GetObjectMetadataAsync(new GetObjectMetadataRequest { BucketName = bucket, Key = key }, cancellationToken).ConfigureAwait(false);
            return new StoredObject(Ref(bucket, key, response.VersionId, response.ETag), response.ContentLength, response.Headers.ContentType, Metadata(response.Metadata));
        }
        catch (AmazonS3Exception e) when (IsMissingKey(e))
        {
            return null;
        }
        catch (Exception e) when (PortFailures.From($"head s3://{bucket}/{key}", e, cancellationToken) is { } port && !ReferenceEquals(port, e))
        {
            throw port;
        }
    }

    public async Task<ObjectContent?> GetAsync(string bucket, string key, CancellationToken cancellationToken)
    {
        try
        {
            using var response = await s3.GetObjectAsync(new GetObjectRequest { BucketName = bucket, Key = key }, cancellationToken).ConfigureAwait(false);
            using var body = new MemoryStream();
            await response.ResponseStream.CopyToAsync(body, cancellationToken).ConfigureAwait(false);
            var stored = new StoredObject(Ref(bucket, key, response.VersionId, response.ETag), body.Length, response.Headers.ContentType, Metadata(response.Metadata));
            return new ObjectContent(stored, body.ToArray());
        }
        catch (AmazonS3Exception e) when (IsMissingKey(e))
        {
            return null;
        }
        catch (Exception e) when (PortFailures.From($"get s3://{bucket}/{key}", e, cancellationToken) is { } port && !ReferenceEquals(port, e))
        {
            throw port;
        }
    }

    public Task<StoredObject> PutAsync(string bucket, string key, ReadOnlyMemory<byte> body, string? contentType, IReadOnlyDictionary<string, string>? metadata, CancellationToken cancellationToken) =>
        PortFailures.Guard($"put s3://{bucket}/{key}", async () =>
            (await PutAsync(bucket, key, body, contentType, metadata, ifAbsent: false, cancellationToken).ConfigureAwait(false))!, cancellationToken);

    public Task<StoredObject?> PutIfAbsentAsync(string bucket, string key, ReadOnlyMemory<byte> body, string? contentType, IReadOnlyDictionary<string, string>? metadata, CancellationToken cancellationToken) =>
        PortFailures.Guard($"create s3://{bucket}/{key}", () => PutAsync(bucket, key, body, contentType, metadata, ifAbsent: true, cancellationToken), cancellationToken);

    public Task<StoredObject?> CopyIfAbsentAsync(S3ObjectRef source, string destinationKey, IReadOnlyDictionary<string, string>? metadata, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentException.ThrowIfNullOrEmpty(destinationKey);
        return PortFailures.Guard($"copy {source.Uri} to {destinationKey}", async () =>
        {
            var request = new CopyObjectRequest
            {
                SourceBucket = source.Bucket,
                SourceKey = source.Key,
                SourceVersionId = source.VersionId,
                DestinationBucket = source.Bucket,
                DestinationKey = destinationKey,
                IfNoneMatch = "*",
                // Without metadata the copy keeps the source's; with it, the given set replaces it.
                MetadataDirective = metadata is null ? S3MetadataDirective.COPY : S3MetadataDirective.REPLACE,
            };
            if (metadata is not null)
            {
                var head = await HeadAsync(source.Bucket, source.Key, cancellationToken).ConfigureAwait(false);
                request.ContentType = head?.ContentType;
                AddMetadata(request.Metadata, metadata);
            }

            try
            {
                await s3.CopyObjectAsync(request, cancellationToken).ConfigureAwait(false);
            }
            catch (AmazonS3Exception e) when (IsKeyTaken(e))
            {
                return null;
            }

            return await HeadAsync(source.Bucket, destinationKey, cancellationToken).ConfigureAwait(false)
                ?? throw new PortException(PortFailure.Unavailable, $"copy {source.Uri} to {destinationKey}: the copy is not there after S3 accepted it.");
        }, cancellationToken);
    }

    public async IAsyncEnumerable<StoredObject> ListAsync(string bucket, string prefix, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        string? continuation = null;
        do
        {
            var request = new ListObjectsV2Request { BucketName = bucket, Prefix = prefix, ContinuationToken = continuation };
            var page = await PortFailures.Guard($"list s3://{bucket}/{prefix}", () => s3.ListObjectsV2Async(request, cancellationToken), cancellationToken).ConfigureAwait(false);
            foreach (var item in page.S3Objects ?? [])
            {
                yield return new StoredObject(Ref(bucket, item.Key, null, item.ETag), item.Size ?? 0, null, new Dictionary<string, string>());
            }

            continuation = page.IsTruncated == true ? page.NextContinuationToken : null;
        }
        while (continuation is not null);
    }

    private async Task<StoredObject?> PutAsync(string bucket, string key, ReadOnlyMemory<byte> body, string? contentType, IReadOnlyDictionary<string, string>? metadata, bool ifAbsent, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(bucket);
        ArgumentException.ThrowIfNullOrEmpty(key);
        using var stream = new MemoryStream(body.ToArray(), writable: false);
        var request = new PutObjectRequest
        {
            BucketName = bucket,
            Key = key,
            InputStream = stream,
            AutoCloseStream = false,
            ContentType = contentType,
        };
        if (ifAbsent)
        {
            request.IfNoneMatch = "*";
        }

        if (metadata is not null)
        {
            AddMetadata(request.Metadata, metadata);
        }

        try
        {
            var response = await s3.PutObjectAsync(request, cancellationToken).ConfigureAwait(false);
            var stored = new StoredObject(Ref(bucket, key, response.VersionId, response.ETag), body.Length, contentType, metadata is null ? new Dictionary<string, string>() : new Dictionary<string, string>(metadata, StringComparer.Ordinal));
            return stored;
        }
        catch (AmazonS3Exception e) when (ifAbsent && IsKeyTaken(e))
        {
            return null;
        }
    }

    private static void AddMetadata(MetadataCollection target, IReadOnlyDictionary<string, string> metadata)
    {
        foreach (var (name, value) in metadata)
        {
            target.Add(name, value);
        }
    }

    private static S3ObjectRef Ref(string bucket, string key, string? versionId, string? etag) =>
        new(bucket, key, string.IsNullOrEmpty(versionId) || versionId == "null" ? null : versionId, etag?.Trim('"'));

    internal static Dictionary<string, string> Metadata(MetadataCollection metadata)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var name in metadata.Keys)
        {
            var bare = name.StartsWith(MetaPrefix, StringComparison.OrdinalIgnoreCase) ? name[MetaPrefix.Length..] : name;
            result[bare] = metadata[name];
        }

        return result;
    }

    // A missing bucket is an error worth seeing; only a missing key is the "no such object" answer.
    private static bool IsMissingKey(AmazonS3Exception e) =>
        e.StatusCode == HttpStatusCode.NotFound && !string.Equals(e.ErrorCode, "NoSuchBucket", StringComparison.Ordinal);

    private static bool IsKeyTaken(AmazonS3Exception e) =>
        e.StatusCode == HttpStatusCode.PreconditionFailed
        || string.Equals(e.ErrorCode, "PreconditionFailed", StringComparison.Ordinal)
        || string.Equals(e.ErrorCode, "ConditionalRequestConflict", StringComparison.Ordinal);
}
