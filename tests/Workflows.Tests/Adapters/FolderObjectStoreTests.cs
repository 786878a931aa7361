using ContinuousImprovement.Core.Ports;
using ContinuousImprovement.Core.Storage;
using ContinuousImprovement.Local.Adapters;
using ContinuousImprovement.Workflows.Tests.Twin;

namespace ContinuousImprovement.Workflows.Tests.Adapters;

public sealed class FolderObjectStoreTests : IDisposable
{
    private const string Bucket = "photos";
    private readonly TempFolder folder = new();
    private readonly FolderObjectStore store;

    public FolderObjectStoreTests() => store = new FolderObjectStore(folder.Path);

    public void Dispose()
    {
        store.Dispose();
        folder.Dispose();
    }

    [Fact]
    public async Task A_put_object_reads_back_with_its_bytes_content_type_lowercased_metadata_and_an_md5_etag()
    {
        var body = "hello"u8.ToArray();

        var put = await store.PutAsync(Bucket, "a/b c.png", body, "image/png", new Dictionary<string, string> { ["Claimed-Label"] = "cat" }, default);
        var got = await store.GetAsync(Bucket, "a/b c.png", default);

        Assert.NotNull(got);
        Assert.Equal(body, got.Body.ToArray());
        Assert.Equal("5d41402abc4b2a76b9719d911017c592", got.Object.Ref.ETag);
        Assert.Equal("5d41402abc4b2a76b9719d911017c592", put.Ref.ETag);
        Assert.Equal(put.Ref.VersionId, got.Object.Ref.VersionId);
        Assert.Equal(("image/png", 5L), (got.Object.ContentType, got.Object.Size));
        Assert.Equal(new Dictionary<string, string> { ["claimed-label"] = "cat" }, got.Object.Metadata);
        Assert.Equal(body, File.ReadAllBytes(Path.Combine(folder.Path, Bucket, "a", "b c.png")));
    }

    [Fact]
    public async Task Every_write_of_a_key_gets_a_new_version_id_and_only_the_newest_is_kept()
    {
        var first = await store.PutAsync(Bucket, "k.png", "1"u8.ToArray(), null, null, default);
        var second = await store.PutAsync(Bucket, "k.png", "2"u8.ToArray(), null, null, default);

        Assert.NotEqual(first.Ref.VersionId, second.Ref.VersionId);
        Assert.Equal("2"u8.ToArray(), (await store.GetAsync(Bucket, "k.png", default))!.Body.ToArray());
        Assert.Equal(second.Ref.VersionId, (await store.HeadAsync(Bucket, "k.png", default))!.Ref.VersionId);
    }

    [Fact]
    public async Task A_create_only_write_to_a_taken_key_answers_null_and_keeps_the_first_bytes()
    {
        var first = await store.PutIfAbsentAsync(Bucket, "once.png", "first"u8.ToArray(), null, null, default);
        var second = await store.PutIfAbsentAsync(Bucket, "once.png", "second"u8.ToArray(), null, null, default);

        Assert.NotNull(first);
        Assert.Null(second);
        Assert.Equal("first"u8.ToArray(), (await store.GetAsync(Bucket, "once.png", default))!.Body.ToArray());
    }

    [Fact]
    public async Task Concurrent_create_only_writes_of_one_key_from_two_stores_have_exactly_one_winner()
    {
        using var other = new FolderObjectStore(folder.Path);
        for (var round = 0; round < 300; round++)
        {
            var key = $"race/key-{round}.png";
            using var start = new ManualResetEventSlim();
            var writers = Enumerable.Range(0, 4).Select(i => Task.Run(async () =>
            {
                start.Wait();
                return await (i % 2 == 0 ? store : other).PutIfAbsentAsync(Bucket, key, BitConverter.GetBytes(i), null, null, default);
            })).ToList();
            start.Set();

            var results = await Task.WhenAll(writers);

            var winner = Assert.Single(results, r => r is not null);
            var stored = await store.GetAsync(Bucket, key, default);
            Assert.Equal(winner!.Ref.ETag, stored!.Object.Ref.ETag);
        }

        Assert.Empty(Directory.EnumerateFiles(Path.Combine(folder.Path, ".objectstore", "tmp")));
    }

    [Theory]
    [InlineData("../outside.png")]
    [InlineData("a/../../outside.png")]
    [InlineData("a//b.png")]
    [InlineData("/rooted.png")]
    [InlineData("a/./b.png")]
    [InlineData("a\\..\\b.png")]
    [InlineData("folder/")]
    [InlineData("")]
    public async Task Keys_a_folder_cannot_hold_safely_are_refused_and_nothing_is_written(string key)
    {
        var error = await Assert.ThrowsAsync<PortException>(() => store.PutAsync(Bucket, key, "x"u8.ToArray(), null, null, default));

        Assert.Equal(PortFailure.Invalid, error.Failure);
        Assert.StartsWith("Object key", error.Message, StringComparison.Ordinal);
        Assert.Empty(Directory.EnumerateFiles(Path.GetDirectoryName(folder.Path)!, "outside.png"));
        Assert.False(Directory.Exists(Path.Combine(folder.Path, Bucket)) && Directory.EnumerateFiles(Path.Combine(folder.Path, Bucket), "*", SearchOption.AllDirectories).Any());
    }

    [Theory]
    [InlineData("..")]
    [InlineData("a/b")]
    [InlineData("x")]
    [InlineData(".objectstore")]
    public async Task Bucket_names_that_are_not_one_plain_folder_are_refused(string bucket)
    {
        var error = await Assert.ThrowsAsync<PortException>(() => store.HeadAsync(bucket, "k.png", default));

        Assert.Equal(PortFailure.Invalid, error.Failure);
    }

    [Fact]
    public async Task A_key_under_another_object_is_a_conflict()
    {
        await store.PutAsync(Bucket, "a", "x"u8.ToArray(), null, null, default);

        var error = await Assert.ThrowsAsync<PortException>(() => store.PutAsync(Bucket, "a/b.png", "y"u8.ToArray(), null, null, default));

        Assert.Equal(PortFailure.Conflict, error.Failure);
    }

    [Fact]
    public async Task A_copy_takes_the_bytes_and_content_type_with_the_given_metadata_or_else_the_sources()
    {
        var source = await store.PutAsync(Bucket, "in/x.png", "img"u8.ToArray(), "image/png", new Dictionary<string, string> { ["claimed-label"] = "cat" }, default);

        var replaced = await store.CopyIfAbsentAsync(source.Ref, "out/replaced.png", new Dictionary<string, string> { ["reason"] = "why" }, default);
        var kept = await store.CopyIfAbsentAsync(source.Ref, "out/kept.png", null, default);
        var again = await store.CopyIfAbsentAsync(source.Ref, "out/kept.png", null, default);

        Assert.Equal(new Dictionary<string, string> { ["reason"] = "why" }, replaced!.Metadata);
        Assert.Equal(new Dictionary<string, string> { ["claimed-label"] = "cat" }, kept!.Metadata);
        Assert.Equal((source.Ref.ETag, "image/png"), (kept.Ref.ETag, kept.ContentType));
        Assert.Null(again);
        Assert.NotNull(await store.HeadAsync(Bucket, "in/x.png", default));
    }

    [Fact]
    public async Task Copying_a_missing_source_or_a_version_no_longer_there_is_not_found()
    {
        var old = await store.PutAsync(Bucket, "v.png", "1"u8.ToArray(), null, null, default);
        await store.PutAsync(Bucket, "v.png", "2"u8.ToArray(), null, null, default);

        var missing = await Assert.ThrowsAsync<PortException>(() => store.CopyIfAbsentAsync(new S3ObjectRef(Bucket, "none.png"), "c.png", null, default));
        var stale = await Assert.ThrowsAsync<PortException>(() => store.CopyIfAbsentAsync(old.Ref, "c.png", null, default));

        Assert.Equal((PortFailure.NotFound, PortFailure.NotFound), (missing.Failure, stale.Failure));
        Assert.Null(await store.HeadAsync(Bucket, "c.png", default));
    }

    [Fact]
    public async Task Listing_returns_the_keys_under_a_prefix_in_utf8_byte_order()
    {
        foreach (var key in new[] { "labels/b/1.png", "labels/a/2.png", "labels/\uFF21/3.png", "labels/\U0001F431/4.png", "labelsX/5.png", "other/6.png" })
        {
            await store.PutAsync(Bucket, key, "x"u8.ToArray(), null, null, default);
        }

        var keys = new List<string>();
        await foreach (var stored in store.ListAsync(Bucket, "labels/", default))
        {
            keys.Add(stored.Ref.Key);
        }

        // U+FF21 (EF BC A1) sorts before U+1F431 (F0 9F 90 B1) in UTF-8, though not in UTF-16.
        Assert.Equal(["labels/a/2.png", "labels/b/1.png", "labels/\uFF21/3.png", "labels/\U0001F431/4.png"], keys);
    }

    [Fact]
    public async Task A_file_dropped_in_by_hand_reads_as_an_unversioned_object_with_the_etag_of_its_bytes()
    {
        Directory.CreateDirectory(Path.Combine(folder.Path, Bucket, "dropped"));
        await File.WriteAllBytesAsync(Path.Combine(folder.Path, Bucket, "dropped", "by hand.png"), "hand"u8.ToArray());

        var head = await store.HeadAsync(Bucket, "dropped/by hand.png", default);

        Assert.NotNull(head);
        Assert.Equal(("null", "573ce5969e9884d49d4fab77b09a306a", 4L), (head.Ref.VersionId, head.Ref.ETag, head.Size));
    }

    [Fact]
    public async Task A_missing_key_heads_and_gets_as_null()
    {
        Assert.Null(await store.HeadAsync(Bucket, "nothing.png", default));
        Assert.Null(await store.GetAsync(Bucket, "nothing.png", default));
    }
}
