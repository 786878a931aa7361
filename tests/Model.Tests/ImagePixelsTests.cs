namespace ContinuousImprovement.Local.Model.Tests;

public sealed class ImagePixelsTests
{
    [Fact]
    public void A_png_written_from_dataset_pixels_reads_back_as_the_same_features()
    {
        var image = FashionMnist.Load(training: false, limit: 1)[0];

        var features = ImagePixels.FromImage(ImagePixels.ToPng(image.Pixels));

        Assert.NotNull(features);
        Assert.Equal(ImagePixels.FromRawPixels(image.Pixels), features);
    }

    [Theory]
    [InlineData(new byte[0])]
    [InlineData(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 1, 2, 3 })]
    [InlineData(new byte[] { (byte)'h', (byte)'e', (byte)'l', (byte)'l', (byte)'o' })]
    public void Bytes_that_are_no_image_give_no_features(byte[] bytes) => Assert.Null(ImagePixels.FromImage(bytes));
}
