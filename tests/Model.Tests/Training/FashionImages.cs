using ContinuousImprovement.Core.Manifests;
using ContinuousImprovement.Core.Ports;
using ContinuousImprovement.Core.Storage;

namespace ContinuousImprovement.Local.Model.Tests.Training;

/// <summary>Real Fashion-MNIST images picked evenly per class, stored as PNGs where the filer would put them.</summary>
internal static class FashionImages
{
    private static readonly Lazy<IReadOnlyList<MnistImage>> Train = new(() => FashionMnist.Load(training: true, limit: 2000));
    private static readonly Lazy<IReadOnlyList<MnistImage>> Test = new(() => FashionMnist.Load(training: false, limit: 1000));

    /// <summary>The first <paramref name="perClass"/> images of each class (after skipping <paramref name="skip"/> of each), class by class.</summary>
    public static IReadOnlyList<MnistImage> Pick(bool training, int perClass, int skip = 0, int classes = 10) =>
        (training ? Train : Test).Value
            .Where(i => i.ClassNumber < classes)
            .GroupBy(i => i.ClassNumber)
            .OrderBy(g => g.Key)
            .SelectMany(g => g.Skip(skip).Take(perClass))
            .ToList();

    /// <summary>Stores each image as <c>images_labeled_by_folder/&lt;label&gt;/&lt;prefix&gt;-&lt;n&gt;.png</c> and returns its manifest entry.</summary>
    public static async Task<List<ManifestEntry>> StoreAsync(IObjectStore store, string bucket, string prefix, IEnumerable<MnistImage> images)
    {
        var entries = new List<ManifestEntry>();
        var n = 0;
        foreach (var image in images)
        {
            var key = $"{BucketLayout.LabeledImages}{Uri.EscapeDataString(image.Label)}/{prefix}-{n++}.png";
            await store.PutAsync(bucket, key, ImagePixels.ToPng(image.Pixels), "image/png", null, default);
            entries.Add(new ManifestEntry(new S3ObjectRef(bucket, key), [image.Label]));
        }

        return entries;
    }

    /// <summary>Writes a manifest with Core's writer, as the training workflow does; returns where it is.</summary>
    public static async Task<S3ObjectRef> WriteManifestAsync(IObjectStore store, string bucket, string key, IEnumerable<ManifestEntry> entries, string extraLines = "")
    {
        var text = GroundTruthManifest.Write(entries, new ManifestOptions(new DateTimeOffset(2026, 3, 1, 0, 0, 0, TimeSpan.Zero))) + extraLines;
        await store.PutAsync(bucket, key, System.Text.Encoding.UTF8.GetBytes(text), "application/x-ndjson", null, default);
        return new S3ObjectRef(bucket, key);
    }
}
