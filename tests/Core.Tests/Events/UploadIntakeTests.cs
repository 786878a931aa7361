using ContinuousImprovement.Core.Events;
using ContinuousImprovement.Core.Storage;

namespace ContinuousImprovement.Core.Tests.Events;

public sealed class UploadIntakeTests
{
    [Theory]
    [InlineData("images_for_detection/cat.jpg")]
    [InlineData("images_for_detection/sub/folder/cat.JPEG")]
    [InlineData("images_for_detection/red flower + 1.png")]
    [InlineData("images_for_detection/日本.png")]
    public void Images_under_the_detection_prefix_are_taken(string key) =>
        Assert.Null(UploadIntake.WhyIgnored(new S3ObjectRef("b", key)));

    [Theory]
    [InlineData("images_for_detection/", "folder marker")]
    [InlineData("images_for_detection/sub/", "folder marker")]
    [InlineData("images_labeled_by_folder/cat/cat.jpg", "not under images_for_detection/")]
    [InlineData("Images_For_Detection/cat.jpg", "not under images_for_detection/")]
    [InlineData("images_for_detection/notes.txt", "not a JPEG or PNG")]
    [InlineData("images_for_detection/.png", "not a JPEG or PNG")]
    [InlineData("images_for_detection/cat.png.exe", "not a JPEG or PNG")]
    [InlineData("images_for_detection/../secrets/cat.png", "'..' path segment")]
    [InlineData("images_for_detection//cat.png", "empty, '.' or '..'")]
    public void Other_objects_are_ignored_with_a_reason(string key, string reason) =>
        Assert.Contains(reason, UploadIntake.WhyIgnored(new S3ObjectRef("b", key)), StringComparison.Ordinal);
}
