using ContinuousImprovement.Core.Review;
using ContinuousImprovement.Core.Storage;

using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace ContinuousImprovement.Core.Tests.Review;

public sealed class HumanLoopNameTests
{
    private static readonly Gen<string> AnyText = Gen.OneOf(
        ArbMap.Default.GeneratorFor<string>().Select(s => s ?? string.Empty),
        ArbMap.Default.GeneratorFor<UnicodeString>().Select(s => s.Item ?? string.Empty),
        Gen.Constant(string.Empty),
        Gen.Choose(1000, 5000).Select(n => new string('Ä', n) + "/" + new string('x', n)));

    private static readonly Arbitrary<S3ObjectRef> AnyImage = Gen.Zip(
            Gen.Zip(AnyText, AnyText),
            Gen.Zip(AnyText.OrNull(), AnyText.OrNull()))
        .Select(t => new S3ObjectRef(t.Item1.Item1, t.Item1.Item2, t.Item2.Item1, t.Item2.Item2))
        .ToArbitrary();

    [Fact]
    public void Name_is_a_file_name_slug_and_40_hex_digits()
    {
        var name = HumanLoopName.For(new S3ObjectRef("my-bucket", "images_for_detection/Photo 1.PNG", "v1"));

        Assert.Matches("^photo-1-png-[0-9a-f]{40}$", name);
        Assert.True(HumanLoopName.IsValid(name));
    }

    [Theory]
    [InlineData("images_for_detection/", "img")]
    [InlineData("images_for_detection/日本語.png", "png")]
    [InlineData("images_for_detection/---.jpg", "jpg")]
    [InlineData("a/Very Long File Name For A Slug.jpeg", "very-long-file-name")]
    [InlineData("a/abcdefghijklmnopqrstuvwxyz.png", "abcdefghijklmnopqrst")]
    public void Slug_is_lowercase_alphanumerics_and_single_hyphens_at_most_20_long(string key, string slug)
    {
        var name = HumanLoopName.For(new S3ObjectRef("b", key));

        Assert.Equal(slug, name[..^41]);
    }

    [Fact]
    public void A_new_version_or_etag_of_the_same_key_gets_a_new_name_and_a_redelivery_the_same()
    {
        var v1 = new S3ObjectRef("b", "images_for_detection/x.png", "v1", "e");
        var v2 = v1 with { VersionId = "v2" };

        Assert.Equal(HumanLoopName.For(v1), HumanLoopName.For(v1 with { }));
        Assert.NotEqual(HumanLoopName.For(v1), HumanLoopName.For(v2));
        Assert.NotEqual(HumanLoopName.For(v1 with { VersionId = null, ETag = "e1" }), HumanLoopName.For(v1 with { VersionId = null, ETag = "e2" }));
        Assert.Equal(HumanLoopName.For(v1 with { VersionId = null, ETag = "e1" }), HumanLoopName.For(v1 with { VersionId = null, ETag = "\"e1\"" }));
    }

    [Fact]
    public void A_version_id_never_collides_with_the_same_text_as_an_etag_nor_fields_with_shifted_boundaries()
    {
        Assert.NotEqual(HumanLoopName.For(new S3ObjectRef("b", "k", VersionId: "x")), HumanLoopName.For(new S3ObjectRef("b", "k", ETag: "x")));
        Assert.NotEqual(HumanLoopName.For(new S3ObjectRef("ab", "c")), HumanLoopName.For(new S3ObjectRef("a", "bc")));
    }

    [Theory]
    [InlineData("a", true)]
    [InlineData("a-b", true)]
    [InlineData("a--b", true)]
    [InlineData("0", true)]
    [InlineData("", false)]
    [InlineData(null, false)]
    [InlineData("-a", false)]
    [InlineData("a-", false)]
    [InlineData("A", false)]
    [InlineData("a_b", false)]
    [InlineData("a.b", false)]
    [InlineData("é", false)]
    public void Validity_follows_the_a2i_pattern(string? name, bool valid) => Assert.Equal(valid, HumanLoopName.IsValid(name));

    [Fact]
    public void Validity_allows_63_characters_and_no_more()
    {
        Assert.True(HumanLoopName.IsValid(new string('a', 63)));
        Assert.False(HumanLoopName.IsValid(new string('a', 64)));
    }

    [Property]
    public Property Any_upload_gets_a_valid_name() =>
        Prop.ForAll(AnyImage, image => HumanLoopName.IsValid(HumanLoopName.For(image)));

    [Property]
    public Property The_same_upload_always_gets_the_same_name() =>
        Prop.ForAll(AnyImage, image => HumanLoopName.For(image) == HumanLoopName.For(image with { }));

    [Property]
    public Property A_different_version_gets_a_different_name() =>
        Prop.ForAll(AnyImage, AnyText.ToArbitrary(), (image, other) =>
        {
            var version = string.IsNullOrWhiteSpace(image.VersionId) ? "v" : image.VersionId;
            var otherVersion = other == version || string.IsNullOrWhiteSpace(other) ? version + "'" : other;
            return HumanLoopName.For(image with { VersionId = version }) != HumanLoopName.For(image with { VersionId = otherVersion });
        });
}
