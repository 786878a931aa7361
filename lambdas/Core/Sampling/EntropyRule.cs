namespace ContinuousImprovement.Core.Sampling;

/// <summary>See <see cref="SamplingStrategy.Entropy"/>.</summary>
internal sealed class EntropyRule : ISamplingRule
{
    public SamplingStrategy Strategy => SamplingStrategy.Entropy;

    public string? Evaluate(SamplingContext context)
    {
        if (context.Metrics.Entropy is not { } entropy)
        {
            return context.NoDistributionText;
        }

        double threshold = context.Settings.EntropyThreshold;
        int labels = context.Distribution.Count;
        return entropy > threshold
            ? $"entropy {SamplingText.Compare(entropy, ">", threshold)} nats over {labels} label{(labels == 1 ? "" : "s")}"
            : null;
    }
}
