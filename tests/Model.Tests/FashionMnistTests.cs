namespace ContinuousImprovement.Local.Model.Tests;

public sealed class FashionMnistTests
{
    [Fact]
    public void The_dataset_reads_as_labeled_28x28_images_of_ten_classes()
    {
        Assert.True(FashionMnist.IsInstalled(), "Debian's dataset-fashion-mnist must be installed (./test installs it).");

        var images = FashionMnist.Load(training: true, limit: 1000);

        Assert.Equal(1000, images.Count);
        Assert.All(images, i => Assert.Equal(784, i.Pixels.Length));
        Assert.Equal(10, images.Select(i => i.ClassNumber).Distinct().Count());
        Assert.Equal("Ankle boot", images[0].Label);
        Assert.Contains(images[0].Pixels, p => p > 0);
    }

    [Fact]
    public void A_file_that_is_not_idx_is_refused_with_its_name()
    {
        var folder = Directory.CreateTempSubdirectory().FullName;
        try
        {
            foreach (var name in new[] { "train-images-idx3-ubyte.gz", "train-labels-idx1-ubyte.gz" })
            {
                using var file = File.Create(Path.Combine(folder, name));
                using var gzip = new System.IO.Compression.GZipStream(file, System.IO.Compression.CompressionLevel.Fastest);
                gzip.Write("not an idx file at all"u8);
            }

            var error = Assert.Throws<InvalidDataException>(() => FashionMnist.Load(training: true, folder: folder));
            Assert.Contains("train-images-idx3-ubyte.gz: magic number", error.Message, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
