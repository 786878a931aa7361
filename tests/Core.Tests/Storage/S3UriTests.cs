using ContinuousImprovement.Core.Storage;

namespace ContinuousImprovement.Core.Tests.Storage;

public sealed class S3UriTests
{
    [Theory]
    [InlineData("s3://my-bucket/images_for_detection/inference-image-1.png", "my-bucket", "images_for_detection/inference-image-1.png")]
    [InlineData("s3://b/a b+c%20.png", "b", "a b+c%20.png")]
    public void Parses_bucket_and_raw_key(string uri, string bucket, string key)
    {
        Assert.True(S3Uri.TryParse(uri, out var parsed));
        Assert.Equal(bucket, parsed.Bucket);
        Assert.Equal(key, parsed.Key);
        Assert.Equal(uri, parsed.Uri);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("https://b/k")]
    [InlineData("s3://bucket-only")]
    [InlineData("s3://bucket/")]
    [InlineData("s3:///key")]
    public void Rejects_what_is_not_an_object_uri(string? uri) => Assert.False(S3Uri.TryParse(uri, out _));

    [Fact]
    public void File_name_is_the_last_key_segment()
    {
        Assert.Equal("x.png", new S3ObjectRef("b", "a/b/x.png").FileName);
        Assert.Equal("x.png", new S3ObjectRef("b", "x.png").FileName);
    }
}
