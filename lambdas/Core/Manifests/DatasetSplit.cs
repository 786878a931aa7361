using System.Buffers.Binary;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace ContinuousImprovement.Core.Manifests;

/// <summary>
/// Splits labeled images into a training and a test manifest so that retraining on a grown data set keeps
/// evaluating on (mostly) the same images: a model's F1 stays comparable with the serving model's.
/// </summary>
public static class DatasetSplit
{
    /// <summary>
    /// The image's fixed position in [0, 1): the first 8 bytes of SHA-256(UTF-8 of "<c>{seed}:{source-ref}</c>")
    /// read as a big-endian number and scaled down. It depends on nothing but the seed and the image's
    /// s3:// URI, so other images coming or going never change it.
    /// Example: with seed 7 and <c>s3://b/k.png</c> the hashed text is <c>7:s3://b/k.png</c>.
    /// </summary>
    public static double Score(string sourceRef, int seed)
    {
        ArgumentNullException.ThrowIfNull(sourceRef);
        return (HashPrefix(sourceRef, seed) >> 11) * (1.0 / (1UL << 53));
    }

    /// <summary>
    /// Puts an image in the test set when its <see cref="Score"/> is below <paramref name="testFraction"/>, in the
    /// training set otherwise. Then, because Rekognition needs every label it is to learn in both sets, a fix-up:
    /// for each label (ordinal order) that has at least 2 images all on one side, the one of those images with the
    /// smallest hash (its first 8 bytes as in <see cref="Score"/>, then source-ref) moves to the other side
    /// (listed in <see cref="DatasetSplitResult.Adjustments"/>). An image thus leaves its hash-given side only
    /// while one of its labels would otherwise be one-sided, and at most one image per label moves.
    /// <para>
    /// Entries with the same source-ref are one image (they always stay together). With multi-label images a move
    /// could empty a side of another label; such a move is never made (the next-smallest hash is tried instead),
    /// and a label left lopsided is named in <see cref="DatasetSplitResult.LabelsNotOnBothSides"/>: making every
    /// multi-label set two-sided is a hypergraph 2-colouring, which need not exist. Single-label data always
    /// ends with every label of ≥ 2 images on both sides.
    /// </para>
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="testFraction"/> not in [0, 1]; operator
    /// values are range-checked where parameters are read, so this is a bug.</exception>
    public static DatasetSplitResult Assign(IEnumerable<ManifestEntry> entries, double testFraction, int seed)
    {
        ArgumentNullException.ThrowIfNull(entries);
        if (!(testFraction is >= 0 and <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(testFraction), testFraction, "The test fraction must be between 0 and 1.");
        }

        var entryList = entries.ToList();
        var images = new List<Image>();
        var imageOfEntry = new int[entryList.Count];
        var imageIndex = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < entryList.Count; i++)
        {
            ArgumentNullException.ThrowIfNull(entryList[i]);
            var uri = entryList[i].Image.Uri;
            if (!imageIndex.TryGetValue(uri, out var index))
            {
                index = images.Count;
                imageIndex.Add(uri, index);
                var side = Score(uri, seed) < testFraction ? DatasetSide.Test : DatasetSide.Train;
                images.Add(new Image(uri, HashPrefix(uri, seed), side, []));
            }

            imageOfEntry[i] = index;
            foreach (var label in entryList[i].Labels)
            {
                if (!images[index].Labels.Contains(label, StringComparer.Ordinal))
                {
                    images[index].Labels.Add(label);
                }
            }
        }

        var (adjustments, lopsided) = FixUp(images);

        var train = new List<ManifestEntry>();
        var test = new List<ManifestEntry>();
        for (var i = 0; i < entryList.Count; i++)
        {
            (images[imageOfEntry[i]].Side == DatasetSide.Test ? test : train).Add(entryList[i]);
        }

        return new DatasetSplitResult(train, test, adjustments, lopsided);
    }

    private static (List<SplitAdjustment> Adjustments, List<string> Lopsided) FixUp(List<Image> images)
    {
        var imagesOfLabel = new SortedDictionary<string, List<Image>>(StringComparer.Ordinal);
        foreach (var image in images)
        {
            foreach (var label in image.Labels)
            {
                if (!imagesOfLabel.TryGetValue(label, out var list))
                {
                    imagesOfLabel.Add(label, list = []);
                }

                list.Add(image);
            }
        }

        var adjustments = new List<SplitAdjustment>();
        var lopsided = new List<string>();
        foreach (var (label, members) in imagesOfLabel)
        {
            if (members.Count < 2 || members.Any(m => m.Side != members[0].Side))
            {
                continue;
            }

            var from = members[0].Side;
            var to = from == DatasetSide.Test ? DatasetSide.Train : DatasetSide.Test;
            var move = members
                .OrderBy(m => m.Hash)
                .ThenBy(m => m.SourceRef, StringComparer.Ordinal)
                .FirstOrDefault(m => m.Labels.All(other => other == label || !WouldLeaveOneSided(imagesOfLabel[other], m)));
            if (move is null)
            {
                lopsided.Add(label);
                continue;
            }

            move.Side = to;
            adjustments.Add(new SplitAdjustment(move.SourceRef, label, to));
        }

        return (adjustments, lopsided);
    }

    // True when moving `image` would take away the last image on its side of a label that had both sides.
    private static bool WouldLeaveOneSided(List<Image> labelImages, Image image) =>
        labelImages.Count >= 2
        && labelImages.Any(m => m.Side != image.Side)
        && labelImages.Count(m => m.Side == image.Side) == 1;

    private static ulong HashPrefix(string sourceRef, int seed)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(seed.ToString(CultureInfo.InvariantCulture) + ":" + sourceRef));
        return BinaryPrimitives.ReadUInt64BigEndian(hash);
    }

    private sealed class Image(string sourceRef, ulong hash, DatasetSide side, List<string> labels)
    {
        public string SourceRef { get; } = sourceRef;

        public ulong Hash { get; } = hash;

        public DatasetSide Side { get; set; } = side;

        public List<string> Labels { get; } = labels;
    }
}
