using ContinuousImprovement.Core.Events;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace ContinuousImprovement.Core.Tests.Events;

public sealed class S3EventParserTests
{
    [Fact]
    public void EventBridge_object_created_yields_the_object_with_version_and_etag()
    {
        var result = S3EventParser.Parse(SharedContracts.Read("events", "s3-eventbridge-object-created.json"));

        Assert.Null(result.Error);
        var created = Assert.Single(result.Objects);
        Assert.Equal("DOC-EXAMPLE-BUCKET1", created.Object.Bucket);
        Assert.Equal("example-key", created.Object.Key);
        Assert.Equal("IYV3p45BT0ac8hjHg1houSdS1a.Mro8e", created.Object.VersionId);
        Assert.Equal("b1946ac92492d2347c6235b4d2611184", created.Object.ETag);
        Assert.Equal(5, created.Size);
        Assert.Equal("PutObject", created.Reason);
    }

    [Fact]
    public void EventBridge_multipart_upload_is_an_object_created_too()
    {
        var created = Assert.Single(S3EventParser.Parse(SharedContracts.Read("events", "s3-eventbridge-object-created.multipart.SYNTHESIZED.json")).Objects);
        Assert.Equal("CompleteMultipartUpload", created.Reason);
        Assert.Equal(198524144, created.Size);
    }

    [Theory]
    [InlineData("s3-eventbridge-object-deleted.json", "Object Deleted")]
    [InlineData("s3-eventbridge-object-deleted-lifecycle.json", "Object Deleted")]
    [InlineData("s3-eventbridge-object-restore-complete.json", "Object Restore Completed")]
    [InlineData("s3-notification-testevent.json", "s3:TestEvent")]
    public void Other_s3_events_are_ignored_with_a_reason(string file, string what)
    {
        var result = S3EventParser.Parse(SharedContracts.Read("events", file));

        Assert.Null(result.Error);
        Assert.Empty(result.Objects);
        var ignored = Assert.Single(result.Ignored);
        Assert.Equal(what, ignored.What);
        Assert.NotEmpty(ignored.Reason);
    }

    [Fact]
    public void Classic_notification_yields_each_created_object()
    {
        var created = Assert.Single(S3EventParser.Parse(SharedContracts.Read("events", "s3-notification-objectcreated-put.json")).Objects);
        Assert.Equal(("mybucket", "HappyFace.jpg"), (created.Object.Bucket, created.Object.Key));
        Assert.Equal("096fKKXTRTtl3on89fVO.nfljtsv6qko", created.Object.VersionId);
        Assert.Equal("ObjectCreated:Put", created.Reason);
    }

    [Fact]
    public void Classic_notification_key_is_url_decoded()
    {
        var created = Assert.Single(S3EventParser.Parse(SharedContracts.Read("events", "s3-notification-objectcreated-put.urlencoded-key.SYNTHESIZED.json")).Objects);
        Assert.Equal("images_for_detection/red flower + 1.jpg", created.Object.Key);
    }

    [Fact]
    public void EventBridge_key_is_url_decoded_including_unicode()
    {
        var json = SharedContracts.Read("events", "s3-eventbridge-object-created.json")
            .Replace("\"example-key\"", "\"images_for_detection/caf%C3%A9+au+lait%25.png\"", StringComparison.Ordinal);

        var created = Assert.Single(S3EventParser.Parse(json).Objects);

        Assert.Equal("images_for_detection/café au lait%.png", created.Object.Key);
    }

    [Fact]
    public void A_notification_mixing_created_and_removed_records_keeps_the_created_ones()
    {
        const string Json = """
            {"Records":[
              {"eventName":"ObjectRemoved:Delete","s3":{"bucket":{"name":"b"},"object":{"key":"images_for_detection/a.png"}}},
              {"eventName":"ObjectCreated:Copy","s3":{"bucket":{"name":"b"},"object":{"key":"images_for_detection/b.png","size":3}}},
              {"s3":{}},
              {"eventName":"ObjectCreated:Put","s3":{"bucket":{"name":"b"}}}
            ]}
            """;

        var result = S3EventParser.Parse(Json);

        Assert.Equal("images_for_detection/b.png", Assert.Single(result.Objects).Object.Key);
        Assert.Equal(
            ["only ObjectCreated events start work", "the record has no eventName", "the record has no s3.bucket.name or s3.object.key"],
            result.Ignored.Select(i => i.Reason));
    }

    [Theory]
    [InlineData("not json", "not valid JSON")]
    [InlineData("[1,2]", "not an object")]
    [InlineData("{}", "neither 'detail-type'")]
    [InlineData("""{"detail-type":"Object Created","source":"aws.ec2","detail":{}}""", "not aws.s3")]
    [InlineData("""{"detail-type":"Object Created","source":"aws.s3"}""", "no detail object")]
    [InlineData("""{"detail-type":"Object Created","source":"aws.s3","detail":{"bucket":{"name":"b"},"object":{}}}""", "no detail.bucket.name or detail.object.key")]
    [InlineData("""{"Records":{}}""", "not an array")]
    public void Input_that_is_no_s3_event_gives_a_clear_error(string json, string expected)
    {
        var result = S3EventParser.Parse(json);

        Assert.Contains(expected, result.Error, StringComparison.Ordinal);
        Assert.Empty(result.Objects);
    }

    [Property]
    public Property Decoding_reverses_the_encoding_s3_applies(NonNull<string> key)
    {
        // Lone surrogates cannot be stored as S3 keys (keys are UTF-8), so they are not generated.
        var valid = !key.Get.Any(char.IsSurrogate);
        return (!valid || S3KeyEncoding.Decode(S3KeyEncoding.Encode(key.Get)) == key.Get).ToProperty();
    }

    [Property]
    public bool Arbitrary_text_is_reported_as_an_error_not_thrown(NonNull<string> text) =>
        S3EventParser.Parse(text.Get).Error is not null;

    [Theory]
    [InlineData("red+flower.jpg", "red flower.jpg")]
    [InlineData("a%2Bb.png", "a+b.png")]
    [InlineData("100%25.png", "100%.png")]
    [InlineData("stray%zz.png", "stray%zz.png")]
    [InlineData("%E6%97%A5%E6%9C%AC.png", "日本.png")]
    public void Keys_decode_like_form_url_encoding(string encoded, string decoded) =>
        Assert.Equal(decoded, S3KeyEncoding.Decode(encoded));
}
