namespace ContinuousImprovement.Core.Training;

/// <summary>
/// The serving model as the deployment gate measures a candidate against it: its F1 recorded when it was deployed
/// (on the test set of its day) and, when it could be scored on the candidate's test images, that score.
/// </summary>
/// <param name="VersionArn">The version that serves now (the system parameter's).</param>
/// <param name="RecordedF1">Its F1 as recorded at its deployment; null when none was recorded.</param>
/// <param name="Rescore">Its score on the candidate's test images; null when it was not scored.</param>
public sealed record ServingBaseline(string VersionArn, double? RecordedF1, ServingRescore? Rescore)
{
    /// <summary>
    /// Whether the gate compares on the same test images: the rescore has a finite F1 and is of the version that
    /// serves now (a score of a version that no longer serves says nothing about the one that does).
    /// </summary>
    public bool OnSameTestSet => Rescore is { F1: { } f1 } rescore && double.IsFinite(f1) && rescore.ServingVersionArn == VersionArn;

    /// <summary>The F1 the candidate must beat: the same-test-set score, else the recorded one (NaN when neither is known).</summary>
    public double F1 => OnSameTestSet ? Rescore!.F1!.Value : RecordedF1 is { } recorded && double.IsFinite(recorded) ? recorded : double.NaN;

    /// <summary>Why the gate falls back to the recorded F1 (it reads "not scored on the same test images: …"); null when it does not.</summary>
    public string? FallbackReason => OnSameTestSet
        ? null
        : Rescore switch
        {
            null => "no score was given",
            { F1: { } f1, ServingVersionArn: var scored } when double.IsFinite(f1) => $"the score is of {scored ?? "no version"}, but {VersionArn} serves now",
            { NotScoredBecause: { } because } => because,
            _ => "the score is not a number",
        };
}
