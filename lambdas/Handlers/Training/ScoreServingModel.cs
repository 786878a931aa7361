using System.Text;
using ContinuousImprovement.Core.Manifests;
using ContinuousImprovement.Core.Ports;
using ContinuousImprovement.Core.Storage;
using ContinuousImprovement.Core.Text;
using ContinuousImprovement.Core.Training;
using ContinuousImprovement.Handlers.Invocation;
using ContinuousImprovement.Handlers.State;

namespace ContinuousImprovement.Handlers.Training;

/// <summary>
/// Scores the serving model on the candidate's test manifest (<see cref="ServingRescoring"/>), so that the gate
/// compares the two models on the same images: the serving version's top label for each chosen image by
/// DetectCustomLabels at minimum confidence 0. A serving version that is gone or not RUNNING, a test manifest that
/// is gone or unreadable, or no image scored gives no F1 and the reason; an image that is gone or unreadable is
/// skipped and counted; any other port failure is thrown, so ASL Retry deals with transient ones, and once the
/// retries are spent the Catch calls this handler again with the failure and it answers "not scored" with it.
/// <para>
/// Its own step before the gate, not part of it: it alone makes many slow calls (up to
/// <see cref="ServingRescoring.MaxImages"/>), so it can have its own timeout; it writes nothing, so a retry
/// repeats no write; what it did shows as its own entry in the execution history; and only its function needs
/// DetectCustomLabels and read access to the labeled images and manifests. Images are scored one after another:
/// the serving model is serving production detection at the same time, on the inference units it has.
/// </para>
/// </summary>
public sealed class ScoreServingModel(Ports ports) : IHandler<ScoreServingRequest, ServingRescore>
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public async ValueTask<ServingRescore> HandleAsync(ScoreServingRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Failure is { } failure)
        {
            return ServingRescoring.NotScored(null, $"scoring it failed with {Printable.Line(failure.Error, 80)} after retries: {Printable.Line(failure.Cause, 300)}");
        }

        var state = await new SystemStateStore(ports).ReadAsync(cancellationToken).ConfigureAwait(false);
        if (state.Serving is not { } serving)
        {
            return ServingRescoring.NotScored(null, "no model is serving");
        }

        var arn = serving.ProjectVersionArn;
        var version = await TrainingPort.Of(ports).DescribeVersionAsync(arn, cancellationToken).ConfigureAwait(false);
        if (version is null)
        {
            return ServingRescoring.NotScored(arn, $"the serving version {arn} does not exist");
        }

        if (version.Status != RunDeploymentStep.Running)
        {
            return ServingRescoring.NotScored(arn, $"the serving version is {Printable.Line(version.Status, 40)}, not {RunDeploymentStep.Running}");
        }

        var manifest = TestManifest(request);
        var content = await ports.Objects.GetAsync(manifest.Bucket, manifest.Key, cancellationToken).ConfigureAwait(false);
        if (content is null)
        {
            return ServingRescoring.NotScored(arn, $"the test manifest {TrainingText.Quote(manifest.Uri)} does not exist");
        }

        string text;
        try
        {
            text = StrictUtf8.GetString(content.Body.Span);
        }
        catch (DecoderFallbackException)
        {
            return ServingRescoring.NotScored(arn, $"the test manifest {TrainingText.Quote(manifest.Uri)} is not UTF-8 text");
        }

        var sample = ServingRescoring.Sample(GroundTruthManifest.Read(text));
        if (sample.Images.Count == 0)
        {
            return ServingRescoring.NotScored(arn, $"the test manifest {TrainingText.Quote(manifest.Uri)} lists no image that can be scored" + (sample.LeftOutExample is { } example ? $" (e.g. {example})" : ""), sample);
        }

        var results = new List<RescoredImage>(sample.Images.Count);
        foreach (var image in sample.Images)
        {
            results.Add(await DetectAsync(arn, image, cancellationToken).ConfigureAwait(false));
        }

        return ServingRescoring.Score(arn, sample, results);
    }

    private async Task<RescoredImage> DetectAsync(string arn, RescoringImage image, CancellationToken cancellationToken)
    {
        try
        {
            var prediction = await ports.Models.DetectAsync(arn, image.Image, 0, cancellationToken).ConfigureAwait(false);
            return RescoredImage.Detected(image, prediction.Top?.Label);
        }
        catch (PortException e) when (ServingRescoring.SkipsImage(e.Failure))
        {
            return RescoredImage.Skipped(image, $"{e.ErrorName}: {e.Message}");
        }
    }

    // CreateTrainingVersion writes the manifest as an s3:// URI; a bare key is read from the check's bucket.
    private static S3ObjectRef TestManifest(ScoreServingRequest request) =>
        S3Uri.TryParse(request.Candidate.TestManifest, out var manifest) ? manifest : new S3ObjectRef(request.Check.Bucket, request.Candidate.TestManifest);
}
