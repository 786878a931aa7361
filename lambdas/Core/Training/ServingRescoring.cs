using System.Globalization;

using ContinuousImprovement.Core.Manifests;
using ContinuousImprovement.Core.Ports;
using ContinuousImprovement.Core.Text;

namespace ContinuousImprovement.Core.Training;

/// <summary>
/// Scores the serving model on a candidate's test images, so that the deployment gate compares two models on the
/// same images. Comparing the candidate's F1 on its own test split with the F1 the serving model had on the split of
/// its day is unfair to the candidate: with active learning the labeled set, and so the stable test split, fills
/// with the hard images humans were asked about, so every newer split is harder than the older ones.
/// <para>
/// The rules: an image is usable when its manifest line reads (<see cref="GroundTruthManifest.Read"/>) and has
/// exactly one label (its true label; our manifests are single-label) and it was not listed before. At most
/// <see cref="MaxImages"/> are scored, so that one Lambda invocation stays well inside its time limit; above that a
/// fixed sample is taken (<see cref="Sample"/>). Each image is scored by the serving model's top label at minimum
/// confidence 0; an image the model runtime reports gone or unreadable (<see cref="SkipsImage"/>) is skipped and
/// counted; any other failure is the caller's to propagate (transient ones are retried by the workflow). The score is
/// the macro F1 of <see cref="ModelEvaluation.From"/>, the same math as the candidate's. Nothing scored: no F1, and
/// the gate falls back to the serving model's recorded F1, saying why (<see cref="ServingBaseline"/>).
/// </para>
/// <para>
/// The serving model has not trained on these images: the stable split (<see cref="DatasetSplit"/>) keeps an image on
/// its side as the labeled set grows. Only its fix-up may move an image (at most one per label) to the test side,
/// which can favour the serving model slightly, never the candidate.
/// </para>
/// <para>Worked example. Test manifest, six lines:
/// 1 <c>s3://b/cat/1.png</c> cat; 2 <c>s3://b/cat/2.png</c> cat; 3 <c>s3://b/dog/3.png</c> dog; 4 <c>s3://b/dog/4.png</c> dog;
/// 5 <c>{oops</c>; 6 <c>s3://b/cat/1.png</c> cat again.
/// <see cref="Sample"/>: 4 usable images, all chosen (4 ≤ 1000); lines 5 (not JSON) and 6 (listed again) left out.
/// The serving model answers 1 → cat, 2 → dog, 3 → dog, and 4 is gone (NotFound: skipped).
/// <see cref="Score"/> on (cat,cat) (cat,dog) (dog,dog): cat TP 1, FP 0, FN 1 → F1 2/3; dog TP 1, FP 1, FN 0 → F1 2/3;
/// macro F1 0.667 "on 3 of the same 4 test images", 1 skipped, 2 lines left out.</para>
/// </summary>
public static class ServingRescoring
{
    /// <summary>
    /// The most test images scored in one go. DetectCustomLabels answers in a few hundred milliseconds, so 1,000 calls
    /// one after another take minutes, well inside Lambda's 15-minute limit. Above the cap the serving model's F1 is
    /// on the sample while the candidate's (Rekognition's) is on the whole test set, so the comparison carries the
    /// sample's noise; at 1,000 images that is about a hundredth or two of macro F1.
    /// </summary>
    public const int MaxImages = 1000;

    /// <summary>The sample's seed, deliberately not the train/test split's, so the sample is not tied to it.</summary>
    public const int SampleSeed = 20260315;

    /// <summary>
    /// The usable images of a read test manifest (see the class remarks), in manifest order. When there are more than
    /// <paramref name="maxImages"/>, the ones with the smallest <see cref="DatasetSplit.Score"/> under
    /// <see cref="SampleSeed"/> (ties by source-ref): a sample that depends only on which images are listed, not on
    /// their order, and in which an image stays chosen as long as no newly listed image ranks before it.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="maxImages"/> below 1: a caller's bug.</exception>
    public static RescoringSample Sample(ManifestReadResult manifest, int maxImages = MaxImages)
    {
        ArgumentNullException.ThrowIfNull(manifest);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxImages, 1);

        var leftOut = manifest.Errors.Count;
        var example = manifest.Errors.Count > 0 ? $"line {manifest.Errors[0].LineNumber.ToString(CultureInfo.InvariantCulture)}: {manifest.Errors[0].Reason}" : null;
        var usable = new List<RescoringImage>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var entry in manifest.Entries)
        {
            var problem = entry.Labels.Count != 1
                ? $"labelled {string.Join(" and ", entry.Labels.Select(l => Printable.Quote(l)))}; only single-label images are scored"
                : !seen.Add(entry.Image.Uri) ? "listed more than once; scored once" : null;
            if (problem is null)
            {
                usable.Add(new RescoringImage(entry.Image, entry.Labels[0]));
                continue;
            }

            leftOut++;
            example ??= $"{Printable.Quote(entry.Image.Uri, maxChars: 160)} {problem}";
        }

        var chosen = usable.Count <= maxImages
            ? usable
            : usable
                .Select((image, index) => (image, index, score: DatasetSplit.Score(image.Image.Uri, SampleSeed)))
                .OrderBy(x => x.score)
                .ThenBy(x => x.image.Image.Uri, StringComparer.Ordinal)
                .Take(maxImages)
                .OrderBy(x => x.index)
                .Select(x => x.image)
                .ToList();
        return new RescoringSample(chosen, usable.Count, leftOut, example);
    }

    /// <summary>
    /// Whether a failed detection means this one image cannot be scored (skip it and count it) rather than that the
    /// scoring cannot go on: NotFound (the image is gone) and Invalid (Rekognition cannot read it; a missing S3 object
    /// is also Invalid there). Transient failures must be retried and AccessDenied or Conflict need an operator, so
    /// those are not skipped.
    /// </summary>
    public static bool SkipsImage(PortFailure failure) => failure is PortFailure.NotFound or PortFailure.Invalid;

    /// <summary>
    /// The serving model's score over one <see cref="RescoredImage"/> per chosen image: the macro F1 of the
    /// (truth, top label) pairs of the scored ones; no F1 when none was scored.
    /// </summary>
    /// <exception cref="ArgumentException">Not one result per chosen image: a caller's bug.</exception>
    public static ServingRescore Score(string servingVersionArn, RescoringSample sample, IReadOnlyList<RescoredImage> results)
    {
        ArgumentException.ThrowIfNullOrEmpty(servingVersionArn);
        ArgumentNullException.ThrowIfNull(sample);
        ArgumentNullException.ThrowIfNull(results);
        if (results.Count != sample.Images.Count)
        {
            throw new ArgumentException($"{results.Count} results for {sample.Images.Count} chosen images; there must be one per image.", nameof(results));
        }

        var scored = results.Where(r => r.Problem is null).Select(r => (r.Image.Truth, r.Predicted)).ToList();
        var skipped = results.Where(r => r.Problem is not null).ToList();
        var skippedExample = skipped.Count == 0 ? null : $"{Printable.Quote(skipped[0].Image.Image.Uri, maxChars: 160)}: {Printable.Line(skipped[0].Problem, 300)}";
        var f1 = scored.Count == 0 ? (double?)null : ModelEvaluation.From(scored).MacroF1;
        var notScored = f1 is null
            ? $"none of the {sample.Images.Count.ToString(CultureInfo.InvariantCulture)} test images chosen could be scored (first: {skippedExample ?? "none was chosen"})"
            : null;
        return new ServingRescore(servingVersionArn, f1, sample.TestImages, sample.Images.Count, scored.Count, skipped.Count, skippedExample, sample.LinesLeftOut, sample.LeftOutExample, notScored);
    }

    /// <summary>No score, because <paramref name="because"/> (e.g. "the serving version is STOPPED, not RUNNING").</summary>
    public static ServingRescore NotScored(string? servingVersionArn, string because, RescoringSample? sample = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(because);
        return new ServingRescore(servingVersionArn, null, sample?.TestImages ?? 0, 0, 0, 0, null, sample?.LinesLeftOut ?? 0, sample?.LeftOutExample, because);
    }
}
