namespace ContinuousImprovement.Core.Training;

/// <summary>
/// The test images chosen to score the serving model on (<see cref="ServingRescoring.Sample"/>), in manifest order.
/// </summary>
/// <param name="Images">The chosen images: all usable ones, or a fixed sample of at most the cap.</param>
/// <param name="TestImages">Usable test images in the manifest (distinct single-label images), chosen or not.</param>
/// <param name="LinesLeftOut">Manifest lines that were not usable: unreadable, multi-label, or an image listed again.</param>
/// <param name="LeftOutExample">One of those lines and why, for the notification; null when none was left out.</param>
public sealed record RescoringSample(IReadOnlyList<RescoringImage> Images, int TestImages, int LinesLeftOut, string? LeftOutExample);
