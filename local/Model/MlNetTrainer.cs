using System.Globalization;
using ContinuousImprovement.Core.Manifests;
using ContinuousImprovement.Core.Ports;
using ContinuousImprovement.Core.Text;
using ContinuousImprovement.Core.Training;
using ContinuousImprovement.Local.Adapters;

namespace ContinuousImprovement.Local.Model;

/// <summary>
/// The twin's real learner behind <see cref="LocalModelTraining"/>: reads the Ground Truth manifests Rekognition
/// would be given, fetches each line's <c>source-ref</c> image from <paramref name="objects"/>, trains a
/// <see cref="PixelClassifier"/> on the training manifest and scores it on the test manifest (per-label precision,
/// recall and F1 by <see cref="ModelEvaluation"/>; the version's F1 is their macro average). The trained model is
/// handed back as bytes, which <see cref="LocalModelTraining"/> stores with the version and
/// <see cref="MlNetPredictor"/> serves.
/// <para>
/// Lines it cannot use are skipped and counted by reason in the status message (an unusable manifest line, an
/// image with several labels, a missing or unreadable object, bytes that are not a decodable PNG or JPEG of at most
/// 15 MB). Training fails (TRAINING_FAILED, saying why) when the training manifest leaves no usable image or only
/// one label, or the test manifest no usable image. A store that is down (a retryable
/// <see cref="PortException"/>) fails the call instead, so the workflow retries rather than train on part of the data.
/// </para>
/// </summary>
public sealed class MlNetTrainer(IObjectStore objects, MlNetTrainerOptions? options = null) : ILocalTrainer
{
    private readonly MlNetTrainerOptions options = options ?? new MlNetTrainerOptions();

    public Task<LocalTrainingResult> TrainAsync(LocalTrainingJob job, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(job);
        return TrainAsync(GroundTruthManifest.Read(job.TrainingManifest), GroundTruthManifest.Read(job.TestManifest), cancellationToken);
    }

    /// <summary>Trains on manifests already read (or built, as <see cref="ModelBootstrap"/> does from a seed set).</summary>
    public async Task<LocalTrainingResult> TrainAsync(ManifestReadResult training, ManifestReadResult test, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(training);
        ArgumentNullException.ThrowIfNull(test);
        var (trainExamples, trainSkipped) = await LoadAsync(training, cancellationToken).ConfigureAwait(false);
        var (testExamples, testSkipped) = await LoadAsync(test, cancellationToken).ConfigureAwait(false);
        var skipped = trainSkipped.Describe("training", training.Entries.Count + training.Errors.Count)
            + testSkipped.Describe("test", test.Entries.Count + test.Errors.Count);

        var labels = trainExamples.Select(e => e.Label).Distinct(StringComparer.Ordinal).ToList();
        var failure = trainExamples.Count == 0 ? "The training manifest has no usable images."
            : labels.Count < 2 ? $"Training needs images of at least two labels; the training manifest's {Count(trainExamples.Count, "usable image")} all have label {Printable.Quote(labels[0])}."
            : testExamples.Count == 0 ? "The test manifest has no usable images, so the model cannot be evaluated."
            : null;
        if (failure is not null)
        {
            return new LocalTrainingResult(false, failure + skipped, null, NoPredictions, null, options.TrainingTime);
        }

        var classifier = PixelClassifier.Train(trainExamples, options.Seed, options.Iterations);
        var evaluation = ModelEvaluation.From(testExamples.Select(e => (e.Label, (string?)classifier.PredictLabel(e.Features))));
        using var model = new MemoryStream();
        classifier.Save(model);
        var message = string.Create(
            CultureInfo.InvariantCulture,
            $"The model is ready to run. Trained on {Count(trainExamples.Count, "image")} of {labels.Count} labels; macro F1 {evaluation.MacroF1:0.000} on {Count(testExamples.Count, "test image")}.{skipped}");
        return new LocalTrainingResult(true, message, evaluation.MacroF1, NoPredictions, null, options.TrainingTime, Model: model.ToArray(), LabelScores: evaluation.Labels);
    }

    private static IReadOnlyDictionary<string, IReadOnlyList<LocalLabel>> NoPredictions => new Dictionary<string, IReadOnlyList<LocalLabel>>();

    private async Task<(List<LabeledFeatures> Examples, SkippedImages Skipped)> LoadAsync(ManifestReadResult manifest, CancellationToken cancellationToken)
    {
        var examples = new List<LabeledFeatures>(manifest.Entries.Count);
        var skipped = new SkippedImages();
        foreach (var error in manifest.Errors)
        {
            skipped.Add("on an unusable manifest line", $"line {error.LineNumber}: {Printable.Line(error.Reason, maxChars: 200)}");
        }

        foreach (var entry in manifest.Entries)
        {
            var (features, reason) = entry.Labels.Count == 1
                ? await FeaturesAsync(entry, cancellationToken).ConfigureAwait(false)
                : (null, "with more than one label (the classifier learns one per image)");
            if (features is null)
            {
                skipped.Add(reason!, Printable.Quote(entry.Image.Uri, maxChars: 120));
                continue;
            }

            examples.Add(new LabeledFeatures(features, entry.Labels[0]));
        }

        return (examples, skipped);
    }

    private async Task<(float[]? Features, string? Reason)> FeaturesAsync(ManifestEntry entry, CancellationToken cancellationToken)
    {
        ObjectContent? content;
        try
        {
            content = await objects.GetAsync(entry.Image.Bucket, entry.Image.Key, cancellationToken).ConfigureAwait(false);
        }
        catch (PortException e) when (!e.IsRetryable)
        {
            return (null, $"unreadable ({e.Failure})");
        }

        if (content is null)
        {
            return (null, "not found");
        }

        var bytes = content.Body.Span;
        return bytes.Length > LocalImageFormat.MaxImageBytes ? (null, "larger than 15 MB")
            : !LocalImageFormat.IsPngOrJpeg(bytes) ? (null, "not a PNG or JPEG image")
            : ImagePixels.FromImage(bytes) is { } features ? (features, null)
            : (null, "not decodable (a damaged PNG or JPEG)");
    }

    private static string Count(int count, string noun) => count.ToString(CultureInfo.InvariantCulture) + " " + noun + (count == 1 ? "" : "s");
}
