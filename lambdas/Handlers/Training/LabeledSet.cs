using ContinuousImprovement.Core.Manifests;
using ContinuousImprovement.Core.Storage;

namespace ContinuousImprovement.Handlers.Training;

/// <summary>The labeled folder as manifest entries (Core's <see cref="LabeledImages.FromKeys"/> over a listing).</summary>
internal static class LabeledSet
{
    public static async Task<LabeledImagesResult> ListAsync(Ports ports, string bucket, CancellationToken cancellationToken)
    {
        var keys = new List<string>();
        await foreach (var stored in ports.Objects.ListAsync(bucket, BucketLayout.LabeledImages, cancellationToken).ConfigureAwait(false))
        {
            keys.Add(stored.Ref.Key);
        }

        return LabeledImages.FromKeys(bucket, keys);
    }
}
