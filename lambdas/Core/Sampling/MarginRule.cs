namespace ContinuousImprovement.Core.Sampling;

/// <summary>See <see cref="SamplingStrategy.Margin"/>.</summary>
internal sealed class MarginRule : ISamplingRule
{
    public SamplingStrategy Strategy => SamplingStrategy.Margin;

    public string? Evaluate(SamplingContext context)
    {
        if (context.Metrics.Margin is not { } margin)
        {
            return context.NoDistributionText;
        }

        double threshold = context.Settings.MarginThreshold;
        if (!(margin <= threshold))
        {
            return null;
        }

        IReadOnlyList<LabelProbability> distribution = context.Distribution;
        string between = distribution.Count == 1
            ? $"{distribution[0].Label} is the only label"
            : $"between {distribution[0]} and {distribution[1]}";
        return $"margin p1 - p2 = {SamplingText.Compare(margin, "<=", threshold)} ({between})";
    }
}
