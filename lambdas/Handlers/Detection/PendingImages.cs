using ContinuousImprovement.Core.Storage;

namespace ContinuousImprovement.Handlers.Detection;

/// <summary>
/// Images that arrived while no model served. Each gets a marker object <c>pending/&lt;original key&gt;.json</c>
/// in its own bucket (JSON: <see cref="PendingMarker"/>): the upload itself stays where it is, and the pass that
/// detects pending images once a model serves lists this prefix. A marker rather than an inference-log entry,
/// because the log counts detections (audit sampling numbers them) and a pending image has none yet.
/// </summary>
public static class PendingImages
{
    /// <summary>Belongs beside the other prefixes in <see cref="BucketLayout"/>; kept here until Core adds it.</summary>
    public const string Prefix = BucketLayout.Pending;

    public static string MarkerKey(S3ObjectRef image)
    {
        ArgumentNullException.ThrowIfNull(image);
        return $"{Prefix}{image.Key}.json";
    }
}
