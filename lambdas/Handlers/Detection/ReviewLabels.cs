using ContinuousImprovement.Core.Filing;
using ContinuousImprovement.Core.Sampling;
using ContinuousImprovement.Core.Storage;

namespace ContinuousImprovement.Handlers.Detection;

/// <summary>
/// The labels a reviewer chooses from: the model's classes, the classes people have filed under
/// images_labeled_by_folder/ (which the model may not know yet), and the answers meaning "none of these"
/// (Review-Reject-Labels), each once, in that order. Shared by every step that starts a human loop.
/// </summary>
internal static class ReviewLabels
{
    public static async Task<IReadOnlyList<string>> OfferedAsync(Ports ports, string bucket, Prediction prediction, IReadOnlyList<string> rejectLabels, CancellationToken cancellationToken)
    {
        var offered = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var filed = await FiledLabelsAsync(ports, bucket, cancellationToken).ConfigureAwait(false);
        foreach (var label in prediction.Labels.Select(l => l.Label).Concat(filed.Order(StringComparer.Ordinal)).Concat(rejectLabels))
        {
            if (seen.Add(label))
            {
                offered.Add(label);
            }
        }

        return offered;
    }

    // Folders people made by hand that are not a label's encoding are left out rather than offered garbled.
    private static async Task<HashSet<string>> FiledLabelsAsync(Ports ports, string bucket, CancellationToken cancellationToken)
    {
        var folders = new HashSet<string>(StringComparer.Ordinal);
        var labels = new HashSet<string>(StringComparer.Ordinal);
        await foreach (var stored in ports.Objects.ListAsync(bucket, BucketLayout.LabeledImages, cancellationToken).ConfigureAwait(false))
        {
            var rest = stored.Ref.Key[BucketLayout.LabeledImages.Length..];
            var slash = rest.IndexOf('/', StringComparison.Ordinal);
            if (slash > 0 && folders.Add(rest[..slash]) && LabelFolder.TryDecode(rest[..slash], out var label, out _))
            {
                labels.Add(label);
            }
        }

        return labels;
    }
}
