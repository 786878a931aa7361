using System.Globalization;

namespace ContinuousImprovement.Core.Training;

/// <summary>
/// The serving model's macro F1 on a candidate's test images (<see cref="ServingRescoring"/>), with how many images
/// it is on; <see cref="F1"/> is null, and <see cref="NotScoredBecause"/> says why, when nothing could be scored.
/// </summary>
/// <param name="ServingVersionArn">The version that was scored (null when none was); the gate uses the score only for this version.</param>
/// <param name="F1">Macro F1 of the top labels over the scored images (<see cref="ModelEvaluation.From"/>).</param>
/// <param name="TestImages">Usable images in the test manifest.</param>
/// <param name="Sampled">Images chosen to score: all of <paramref name="TestImages"/> up to the cap, a fixed sample above it.</param>
/// <param name="Scored">Chosen images the serving model answered for.</param>
/// <param name="Skipped">Chosen images that could not be scored (gone or unreadable).</param>
/// <param name="SkippedExample">One skipped image and why.</param>
/// <param name="LinesLeftOut">Manifest lines that were not usable (see <see cref="RescoringSample"/>).</param>
/// <param name="LeftOutExample">One of those lines and why.</param>
/// <param name="NotScoredBecause">Why there is no F1; null when there is one.</param>
public sealed record ServingRescore(
    string? ServingVersionArn,
    double? F1,
    int TestImages,
    int Sampled,
    int Scored,
    int Skipped,
    string? SkippedExample,
    int LinesLeftOut,
    string? LeftOutExample,
    string? NotScoredBecause)
{
    /// <summary>
    /// Which images the F1 is on, as the gate's reason and the notifications say it:
    /// "on the same 6 test images"; "on 5 of the same 6 test images" (one skipped);
    /// "on 1000 of the same 4321 test images (a fixed sample)"; "on 998 of the same 4321 test images (a fixed sample of 1000)".
    /// </summary>
    public string OnImages()
    {
        var testImages = Count(TestImages);
        var sample = Sampled == TestImages ? "" : Scored == Sampled ? " (a fixed sample)" : $" (a fixed sample of {Count(Sampled)})";
        return Scored == TestImages
            ? $"on the same {testImages} test images"
            : $"on {Count(Scored)} of the same {testImages} test images{sample}";
    }

    /// <summary>
    /// What was left out, for the notification, e.g. "1 test image could not be scored (first: s3://b/k.png: Port.NotFound: …);
    /// 2 manifest lines were not usable (e.g. line 3: not valid JSON)"; null when nothing was.
    /// </summary>
    public string? LeftOut()
    {
        var parts = new List<string>(2);
        if (Skipped > 0)
        {
            parts.Add($"{Count(Skipped)} test image{(Skipped == 1 ? "" : "s")} could not be scored (first: {SkippedExample})");
        }

        if (LinesLeftOut > 0)
        {
            parts.Add($"{Count(LinesLeftOut)} manifest line{(LinesLeftOut == 1 ? " was" : "s were")} not usable (e.g. {LeftOutExample})");
        }

        return parts.Count == 0 ? null : string.Join("; ", parts);
    }

    private static string Count(int n) => n.ToString(CultureInfo.InvariantCulture);
}
