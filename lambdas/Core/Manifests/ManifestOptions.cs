namespace ContinuousImprovement.Core.Manifests;

/// <summary>
/// What the manifest writer cannot know by itself. <paramref name="CreationDate"/> is passed in (the
/// training run's start, say) because Core never reads the clock, and so that writing the same entries
/// twice yields the same bytes.
/// </summary>
/// <param name="CreationDate">Written to every line's <c>creation-date</c>, in UTC.</param>
/// <param name="AttributeName">The label attribute; multi-label lines number it (<c>label0</c>, <c>label1</c>, …).</param>
/// <param name="JobName">Written to <c>job-name</c>; Ground Truth puts its labeling job there, we name our own pipeline.</param>
public sealed record ManifestOptions(
    DateTimeOffset CreationDate,
    string AttributeName = ManifestOptions.DefaultAttributeName,
    string JobName = ManifestOptions.DefaultJobName)
{
    public const string DefaultAttributeName = "label";

    public const string DefaultJobName = "continuous-improvement/labeled-by-folder";
}
