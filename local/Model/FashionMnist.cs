using System.Buffers.Binary;
using System.IO.Compression;

namespace ContinuousImprovement.Local.Model;

/// <summary>
/// Fashion-MNIST as Debian's <c>dataset-fashion-mnist</c> installs it: gzip'd IDX files of 28×28 grey images
/// and their class numbers. Real photos of clothing, small enough to train on in seconds.
/// </summary>
public static class FashionMnist
{
    public const string DefaultFolder = "/usr/share/datasets/fashion-mnist";
    public const int Side = 28;
    public const int PixelCount = Side * Side;

    /// <summary>The class names, by class number (from the dataset's documentation).</summary>
    public static readonly IReadOnlyList<string> ClassNames =
        ["T-shirt/top", "Trouser", "Pullover", "Dress", "Coat", "Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot"];

    /// <summary>Whether the dataset is installed where <paramref name="folder"/> says.</summary>
    public static bool IsInstalled(string folder = DefaultFolder) =>
        File.Exists(Path.Combine(folder, "train-images-idx3-ubyte.gz")) && File.Exists(Path.Combine(folder, "t10k-images-idx3-ubyte.gz"));

    /// <summary>Reads the first <paramref name="limit"/> images of the training or test split.</summary>
    /// <exception cref="InvalidDataException">A file is not the IDX format it should be.</exception>
    public static IReadOnlyList<MnistImage> Load(bool training, int limit = int.MaxValue, string folder = DefaultFolder)
    {
        var prefix = training ? "train" : "t10k";
        var images = ReadImages(Path.Combine(folder, $"{prefix}-images-idx3-ubyte.gz"), limit);
        var labels = ReadLabels(Path.Combine(folder, $"{prefix}-labels-idx1-ubyte.gz"), images.Count);
        return images.Select((pixels, i) => new MnistImage(pixels, labels[i])).ToList();
    }

    private static List<byte[]> ReadImages(string path, int limit)
    {
        using var stream = new GZipStream(File.OpenRead(path), CompressionMode.Decompress);
        var header = ReadExactly(stream, 16, path);
        Expect(BinaryPrimitives.ReadInt32BigEndian(header), 2051, path, "magic number");
        var count = BinaryPrimitives.ReadInt32BigEndian(header.AsSpan(4));
        Expect(BinaryPrimitives.ReadInt32BigEndian(header.AsSpan(8)), Side, path, "rows");
        Expect(BinaryPrimitives.ReadInt32BigEndian(header.AsSpan(12)), Side, path, "columns");
        var images = new List<byte[]>(Math.Min(count, limit));
        for (var i = 0; i < Math.Min(count, limit); i++)
        {
            images.Add(ReadExactly(stream, PixelCount, path));
        }

        return images;
    }

    private static byte[] ReadLabels(string path, int count)
    {
        using var stream = new GZipStream(File.OpenRead(path), CompressionMode.Decompress);
        var header = ReadExactly(stream, 8, path);
        Expect(BinaryPrimitives.ReadInt32BigEndian(header), 2049, path, "magic number");
        if (BinaryPrimitives.ReadInt32BigEndian(header.AsSpan(4)) < count)
        {
            throw new InvalidDataException($"{path} has fewer labels than its images file has images.");
        }

        var labels = ReadExactly(stream, count, path);
        if (labels.Any(l => l >= ClassNames.Count))
        {
            throw new InvalidDataException($"{path} has a class number outside 0..{ClassNames.Count - 1}.");
        }

        return labels;
    }

    private static byte[] ReadExactly(Stream stream, int count, string path)
    {
        var buffer = new byte[count];
        try
        {
            stream.ReadExactly(buffer);
        }
        catch (EndOfStreamException e)
        {
            throw new InvalidDataException($"{path} ends early.", e);
        }

        return buffer;
    }

    private static void Expect(int actual, int expected, string path, string what)
    {
        if (actual != expected)
        {
            throw new InvalidDataException($"{path}: {what} is {actual}, expected {expected} (not a Fashion-MNIST IDX file).");
        }
    }
}

/// <summary>One 28×28 grey image (row-major, 0 = background) and its class number.</summary>
public sealed record MnistImage(byte[] Pixels, int ClassNumber)
{
    public string Label => FashionMnist.ClassNames[ClassNumber];
}
