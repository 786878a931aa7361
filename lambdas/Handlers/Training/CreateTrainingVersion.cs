using System.Globalization;
using System.Text;
using ContinuousImprovement.Core.Manifests;
using ContinuousImprovement.Core.Storage;
using ContinuousImprovement.Core.Training;
using ContinuousImprovement.Handlers.Invocation;

namespace ContinuousImprovement.Handlers.Training;

/// <summary>
/// Writes the Ground Truth manifests of the labeled set as it is now (stable train/test split) and starts training
/// a version on them. The manifests are create-only under keys named by the set's fingerprint, and their bytes
/// depend only on the set and the execution's start, so a retried step finds the very files it wrote. The version
/// name is made of the same two things.
/// </summary>
public sealed class CreateTrainingVersion(Ports ports) : IHandler<CreateVersionRequest, CandidateCreated>
{
    /// <summary>The share of images kept for evaluation.</summary>
    public const double TestFraction = 0.2;

    /// <summary>The split's seed; fixed so a grown set keeps its test images and F1s stay comparable.</summary>
    public const int SplitSeed = 20260101;

    public async ValueTask<CandidateCreated> HandleAsync(CreateVersionRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var check = request.Check;
        var training = TrainingPort.Of(ports);

        // Listed again: images filed since the check belong to this training, and the fingerprint must name what was trained.
        var labeled = await LabeledSet.ListAsync(ports, check.Bucket, cancellationToken).ConfigureAwait(false);
        if (labeled.Entries.Count == 0)
        {
            throw new HandlerException(HandlerErrors.InvalidState, $"The labeled folder {BucketLayout.LabeledImages} is empty now; the check counted {check.LabeledCount} images.");
        }

        var fingerprint = LabeledSetFingerprint.Of(labeled.Entries.Select(e => e.Image.Key));
        var split = DatasetSplit.Assign(labeled.Entries, TestFraction, SplitSeed);
        var options = new ManifestOptions(check.StartedAt);
        var folder = $"{BucketLayout.Manifests}{fingerprint}/";
        var trainKey = folder + "train.manifest";
        var testKey = folder + "test.manifest";
        await WriteOnceAsync(check.Bucket, trainKey, GroundTruthManifest.Write(split.Train, options), cancellationToken).ConfigureAwait(false);
        await WriteOnceAsync(check.Bucket, testKey, GroundTruthManifest.Write(split.Test, options), cancellationToken).ConfigureAwait(false);

        var versionName = $"ci-{check.StartedAt.UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture)}-{fingerprint[..12]}";
        var arn = await training.CreateVersionAsync(
            check.ProjectArn,
            versionName,
            new S3ObjectRef(check.Bucket, trainKey),
            new S3ObjectRef(check.Bucket, testKey),
            new S3ObjectRef(check.Bucket, folder + "output/"),
            cancellationToken).ConfigureAwait(false);

        var warnings = new List<string>();
        if (split.LabelsNotOnBothSides.Count > 0)
        {
            warnings.Add($"labels not in both the training and the test set: {string.Join(", ", split.LabelsNotOnBothSides.Select(TrainingText.Quote))}");
        }

        if (labeled.Skipped.Count > 0)
        {
            warnings.Add($"{labeled.Skipped.Count} files under {BucketLayout.LabeledImages} are not training images (first: {TrainingText.Quote(labeled.Skipped[0].Key)}, {labeled.Skipped[0].Reason})");
        }

        return new CandidateCreated(arn, versionName, fingerprint, labeled.Entries.Count, S3Uri.Format(check.Bucket, trainKey), S3Uri.Format(check.Bucket, testKey), split.Train.Count, split.Test.Count, warnings);
    }

    private async Task WriteOnceAsync(string bucket, string key, string text, CancellationToken cancellationToken) =>
        await ports.Objects.PutIfAbsentAsync(bucket, key, Encoding.UTF8.GetBytes(text), "application/x-jsonlines", null, cancellationToken).ConfigureAwait(false);
}
