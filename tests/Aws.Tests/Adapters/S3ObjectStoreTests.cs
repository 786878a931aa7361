using System.Text;
using Amazon.S3.Model;
using ContinuousImprovement.Aws.Adapters;
using ContinuousImprovement.Aws.Tests.Peers;
using ContinuousImprovement.Core.Ports;
using ContinuousImprovement.Core.Storage;

namespace ContinuousImprovement.Aws.Tests.Adapters;

/// <summary>The S3 adapter against a real s3rver (AWSSDK.S3 over HTTP, signed, path-style).</summary>
public sealed class S3ObjectStoreTests(S3rverFixture s3) : IClassFixture<S3rverFixture>
{
    private const string Bucket = S3rverFixture.Bucket;
    private readonly S3ObjectStore store = new(s3.Client);

    private static string NewKey(string name) => $"{Guid.NewGuid():N}/{name}";

    [Fact]
    public async Task Put_then_get_returns_the_bytes_content_type_and_metadata_without_the_amz_prefix()
    {
        var key = NewKey("cat 1+2=3%.jpg");
        var put = await store.PutAsync(Bucket, key, "hello world"u8.ToArray(), "image/jpeg", new Dictionary<string, string> { ["source"] = "upload", ["label"] = "cat" }, CancellationToken.None);

        var got = await store.GetAsync(Bucket, key, CancellationToken.None);

        Assert.NotNull(got);
        Assert.Equal("hello world", Encoding.UTF8.GetString(got.Body.Span));
        Assert.Equal(11, got.Object.Size);
        Assert.Equal("image/jpeg", got.Object.ContentType);
        Assert.Equal("upload", got.Object.Metadata["source"]);
        Assert.Equal("cat", got.Object.Metadata["label"]);
        Assert.Equal(2, got.Object.Metadata.Count);
        Assert.Equal(put.Ref.ETag, got.Object.Ref.ETag);
    }

    [Fact]
    public async Task ETags_come_without_their_quotes()
    {
        var key = NewKey("a.txt");
        var put = await store.PutAsync(Bucket, key, "hello world"u8.ToArray(), "text/plain", null, CancellationToken.None);
        var head = await store.HeadAsync(Bucket, key, CancellationToken.None);

        // MD5("hello world"): S3's ETag of a single-part upload.
        Assert.Equal("5eb63bbbe01eeed093cb22bb8f5acdc3", put.Ref.ETag);
        Assert.Equal("5eb63bbbe01eeed093cb22bb8f5acdc3", head!.Ref.ETag);
    }

    [Fact]
    public async Task Head_reports_size_and_metadata_without_the_body()
    {
        var key = NewKey("b.bin");
        await store.PutAsync(Bucket, key, new byte[1234], "application/octet-stream", new Dictionary<string, string> { ["k"] = "v" }, CancellationToken.None);

        var head = await store.HeadAsync(Bucket, key, CancellationToken.None);

        Assert.NotNull(head);
        Assert.Equal(1234, head.Size);
        Assert.Equal("application/octet-stream", head.ContentType);
        Assert.Equal("v", head.Metadata["k"]);
        Assert.Equal(new S3ObjectRef(Bucket, key, null, head.Ref.ETag), head.Ref);
    }

    [Fact]
    public async Task A_missing_key_is_null_for_get_and_head()
    {
        Assert.Null(await store.GetAsync(Bucket, NewKey("none"), CancellationToken.None));
        Assert.Null(await store.HeadAsync(Bucket, NewKey("none"), CancellationToken.None));
    }

    [Fact]
    public async Task A_missing_bucket_is_a_not_found_failure_not_a_missing_object()
    {
        var failure = await Assert.ThrowsAsync<PortException>(() => store.GetAsync("no-such-bucket", "k", CancellationToken.None));

        Assert.Equal(PortFailure.NotFound, failure.Failure);
        Assert.Equal("Port.NotFound", failure.ErrorName);
    }

    [Fact]
    public async Task List_returns_every_object_under_the_prefix_in_key_order_across_pages()
    {
        var prefix = NewKey("");
        foreach (var name in new[] { "c", "a", "b/1", "b/0" })
        {
            await store.PutAsync(Bucket, prefix + name, Encoding.UTF8.GetBytes(name), "text/plain", null, CancellationToken.None);
        }

        await store.PutAsync(Bucket, "elsewhere-" + prefix, new byte[] { 1 }, null, null, CancellationToken.None);

        var listed = new List<StoredObject>();
        await foreach (var item in store.ListAsync(Bucket, prefix, CancellationToken.None))
        {
            listed.Add(item);
        }

        Assert.Equal(["a", "b/0", "b/1", "c"], listed.Select(o => o.Ref.Key[prefix.Length..]));
        Assert.Equal([1L, 3L, 3L, 1L], listed.Select(o => o.Size));
    }

    [Fact]
    public async Task List_follows_continuation_tokens()
    {
        var prefix = NewKey("");
        await Parallel.ForEachAsync(Enumerable.Range(0, 1005), new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (i, token) =>
            await s3.Client.PutObjectAsync(new PutObjectRequest { BucketName = Bucket, Key = $"{prefix}{i:D4}", ContentBody = "x", UseChunkEncoding = false }, token));

        var count = 0;
        string? last = null;
        await foreach (var item in store.ListAsync(Bucket, prefix, CancellationToken.None))
        {
            Assert.True(last is null || string.CompareOrdinal(last, item.Ref.Key) < 0);
            last = item.Ref.Key;
            count++;
        }

        Assert.Equal(1005, count);
    }

    [Fact]
    public async Task Create_only_put_stores_a_new_key_and_sends_if_none_match_star()
    {
        var key = NewKey("first.txt");

        var created = await store.PutIfAbsentAsync(Bucket, key, "one"u8.ToArray(), "text/plain", null, CancellationToken.None);

        Assert.NotNull(created);
        Assert.Equal("one", Encoding.UTF8.GetString((await store.GetAsync(Bucket, key, CancellationToken.None))!.Body.Span));
        Assert.Contains($"\"method\":\"PUT\",\"path\":\"/{Bucket}/{key}\",\"ifNoneMatch\":\"*\"", await s3.RequestLogAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Plain_put_sends_no_if_none_match()
    {
        var key = NewKey("plain.txt");

        await store.PutAsync(Bucket, key, "one"u8.ToArray(), "text/plain", null, CancellationToken.None);

        Assert.Contains($"\"method\":\"PUT\",\"path\":\"/{Bucket}/{key}\",\"ifNoneMatch\":null", await s3.RequestLogAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Copy_keeps_the_source_bytes_and_metadata_and_sends_if_none_match_star()
    {
        var source = NewKey("src file+1.jpg");
        var put = await store.PutAsync(Bucket, source, "pixels"u8.ToArray(), "image/jpeg", new Dictionary<string, string> { ["origin"] = "camera" }, CancellationToken.None);
        var destination = NewKey("images_labeled_by_folder/cat/src file+1.jpg");

        var copied = await store.CopyIfAbsentAsync(put.Ref, destination, null, CancellationToken.None);

        Assert.NotNull(copied);
        Assert.Equal(destination, copied.Ref.Key);
        Assert.Equal(6, copied.Size);
        Assert.Equal("camera", copied.Metadata["origin"]);
        Assert.Equal("pixels", Encoding.UTF8.GetString((await store.GetAsync(Bucket, destination, CancellationToken.None))!.Body.Span));
        Assert.Contains($"\"method\":\"PUT\",\"path\":\"/{Bucket}/{destination}\",\"ifNoneMatch\":\"*\"", await s3.RequestLogAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Copy_with_metadata_replaces_the_source_metadata_and_keeps_the_content_type()
    {
        var source = NewKey("src.jpg");
        var put = await store.PutAsync(Bucket, source, "pixels"u8.ToArray(), "image/jpeg", new Dictionary<string, string> { ["origin"] = "camera" }, CancellationToken.None);
        var destination = NewKey("dst.jpg");

        var copied = await store.CopyIfAbsentAsync(put.Ref, destination, new Dictionary<string, string> { ["label"] = "dog" }, CancellationToken.None);

        Assert.NotNull(copied);
        Assert.Equal("image/jpeg", copied.ContentType);
        Assert.Equal(new Dictionary<string, string> { ["label"] = "dog" }, copied.Metadata);
    }
}
