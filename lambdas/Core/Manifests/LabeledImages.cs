using ContinuousImprovement.Core.Storage;

namespace ContinuousImprovement.Core.Manifests;

/// <summary>
/// Turns a listing of <see cref="BucketLayout.LabeledImages"/> into manifest entries: the folder an image is
/// filed in is its label (percent-encoded by the filer so that any label, even "T-shirt/top", is one folder).
/// </summary>
public static class LabeledImages
{
    /// <summary>The image formats Rekognition Custom Labels trains on.</summary>
    public static readonly IReadOnlyList<string> ImageExtensions = [".jpg", ".jpeg", ".png"];

    /// <summary>
    /// One entry per <c>images_labeled_by_folder/&lt;folder&gt;/&lt;file&gt;</c> image key, ordered by key so that
    /// the manifest does not depend on listing order. The same file name in two folders is two entries with
    /// two labels: a reviewer filed two copies. Everything else is reported in
    /// <see cref="LabeledImagesResult.Skipped"/>, never silently dropped.
    /// </summary>
    public static LabeledImagesResult FromKeys(string bucket, IEnumerable<string> keys)
    {
        ArgumentException.ThrowIfNullOrEmpty(bucket);
        ArgumentNullException.ThrowIfNull(keys);

        var entries = new List<ManifestEntry>();
        var skipped = new List<SkippedKey>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var key in keys.Order(StringComparer.Ordinal))
        {
            var folder = "";
            var reason = seen.Add(key) ? WhyNotAnImage(key, out folder) : "listed twice";
            if (reason is not null)
            {
                skipped.Add(new SkippedKey(key, reason));
                continue;
            }

            entries.Add(new ManifestEntry(new S3ObjectRef(bucket, key), [Uri.UnescapeDataString(folder)]));
        }

        return new LabeledImagesResult(entries, skipped);
    }

    private static string? WhyNotAnImage(string key, out string folder)
    {
        folder = "";
        if (!key.StartsWith(BucketLayout.LabeledImages, StringComparison.Ordinal))
        {
            return $"not under {BucketLayout.LabeledImages}";
        }

        if (key.EndsWith('/'))
        {
            return "folder marker";
        }

        var segments = key[BucketLayout.LabeledImages.Length..].Split('/');
        if (segments.Length != 2)
        {
            return $"not <label folder>/<file>: {segments.Length} levels below {BucketLayout.LabeledImages}";
        }

        if (segments[0].Length == 0)
        {
            return "empty label folder name";
        }

        var file = segments[1];
        var dot = file.LastIndexOf('.');
        var extension = dot < 0 ? "" : file[dot..];
        if (!ImageExtensions.Contains(extension, StringComparer.OrdinalIgnoreCase))
        {
            return $"not an image (not {string.Join(", ", ImageExtensions)})";
        }

        folder = segments[0];
        return null;
    }
}
