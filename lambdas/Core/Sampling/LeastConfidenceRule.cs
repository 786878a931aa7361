namespace ContinuousImprovement.Core.Sampling;

/// <summary>See <see cref="SamplingStrategy.LeastConfidence"/>.</summary>
internal sealed class LeastConfidenceRule : ISamplingRule
{
    public SamplingStrategy Strategy => SamplingStrategy.LeastConfidence;

    public string? Evaluate(SamplingContext context)
    {
        if (context.Distribution.Count == 0)
        {
            return $"{context.NoDistributionText} (uncertainty 1)";
        }

        LabelProbability top = context.Distribution[0];
        double uncertainty = context.Metrics.LeastConfidence;
        double threshold = context.Settings.LeastConfidenceThreshold;
        return uncertainty >= threshold
            ? $"uncertainty 1 - p_max = {SamplingText.Compare(uncertainty, ">=", threshold)} (top {top})"
            : null;
    }
}
