using ContinuousImprovement.Core.Manifests;

namespace ContinuousImprovement.Core.Tests.Manifests;

public sealed class LabeledImagesTests
{
    [Fact]
    public void The_folder_is_the_label_percent_decoded()
    {
        var result = LabeledImages.FromKeys("b", ["images_labeled_by_folder/T-shirt%2Ftop/1.png", "images_labeled_by_folder/%2Ehidden%20%C3%A9/2.JPG"]);

        Assert.Empty(result.Skipped);
        Assert.Equal([".hidden é", "T-shirt/top"], result.Entries.Select(e => e.Labels.Single()));
        Assert.Equal("s3://b/images_labeled_by_folder/T-shirt%2Ftop/1.png", result.Entries[1].Image.Uri);
    }

    [Fact]
    public void The_same_file_in_two_label_folders_is_two_entries()
    {
        var result = LabeledImages.FromKeys("b", ["images_labeled_by_folder/dog/x.jpeg", "images_labeled_by_folder/cat/x.jpeg"]);

        Assert.Equal(["cat", "dog"], result.Entries.Select(e => e.Labels.Single()));
        Assert.All(result.Entries, e => Assert.Equal("x.jpeg", e.Image.FileName));
    }

    [Fact]
    public void Entries_come_in_key_order_whatever_the_listing_order()
    {
        var result = LabeledImages.FromKeys("b", ["images_labeled_by_folder/b/2.png", "images_labeled_by_folder/a/9.png", "images_labeled_by_folder/b/1.png"]);

        Assert.Equal(
            ["images_labeled_by_folder/a/9.png", "images_labeled_by_folder/b/1.png", "images_labeled_by_folder/b/2.png"],
            result.Entries.Select(e => e.Image.Key));
    }

    [Theory]
    [InlineData("images_labeled_by_folder/", "folder marker")]
    [InlineData("images_labeled_by_folder/cat/", "folder marker")]
    [InlineData("images_for_detection/cat/1.png", "not under images_labeled_by_folder/")]
    [InlineData("IMAGES_LABELED_BY_FOLDER/cat/1.png", "not under images_labeled_by_folder/")]
    [InlineData("images_labeled_by_folder/1.png", "not <label folder>/<file>: 1 levels below images_labeled_by_folder/")]
    [InlineData("images_labeled_by_folder/cat/sub/1.png", "not <label folder>/<file>: 3 levels below images_labeled_by_folder/")]
    [InlineData("images_labeled_by_folder//1.png", "empty label folder name")]
    [InlineData("images_labeled_by_folder/cat/notes.txt", "not an image (not .jpg, .jpeg, .png)")]
    [InlineData("images_labeled_by_folder/cat/png", "not an image (not .jpg, .jpeg, .png)")]
    [InlineData("images_labeled_by_folder/cat/1.png.json", "not an image (not .jpg, .jpeg, .png)")]
    public void What_is_not_a_labeled_image_is_skipped_with_its_reason(string key, string reason)
    {
        var result = LabeledImages.FromKeys("b", [key, "images_labeled_by_folder/cat/ok.Png"]);

        Assert.Equal("images_labeled_by_folder/cat/ok.Png", Assert.Single(result.Entries).Image.Key);
        var skipped = Assert.Single(result.Skipped);
        Assert.Equal(key, skipped.Key);
        Assert.Equal(reason, skipped.Reason);
    }

    [Fact]
    public void A_key_listed_twice_becomes_one_entry()
    {
        var result = LabeledImages.FromKeys("b", ["images_labeled_by_folder/cat/1.png", "images_labeled_by_folder/cat/1.png"]);

        Assert.Single(result.Entries);
        Assert.Equal("listed twice", Assert.Single(result.Skipped).Reason);
    }
}
