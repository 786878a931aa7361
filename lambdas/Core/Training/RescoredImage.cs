namespace ContinuousImprovement.Core.Training;

/// <summary>
/// What became of one chosen test image: the serving model's top label (<paramref name="Predicted"/>, null when it
/// gave none), or, with <paramref name="Problem"/> set, why it could not be scored (the image is gone or unreadable).
/// </summary>
public sealed record RescoredImage(RescoringImage Image, string? Predicted, string? Problem)
{
    public static RescoredImage Detected(RescoringImage image, string? topLabel) => new(image, topLabel, null);

    public static RescoredImage Skipped(RescoringImage image, string problem) => new(image, null, problem);
}
