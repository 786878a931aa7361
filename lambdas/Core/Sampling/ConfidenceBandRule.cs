namespace ContinuousImprovement.Core.Sampling;

/// <summary>See <see cref="SamplingStrategy.ConfidenceBand"/>.</summary>
internal sealed class ConfidenceBandRule : ISamplingRule
{
    public SamplingStrategy Strategy => SamplingStrategy.ConfidenceBand;

    public string? Evaluate(SamplingContext context)
    {
        // The band describes the top prediction; without one there is nothing inside it
        // (below-threshold is the strategy that covers "no label").
        if (context.Top is not { } top)
        {
            return null;
        }

        double low = context.Settings.ConfidenceBandLow;
        double high = context.Settings.ConfidenceBandHigh;
        return top.Confidence >= low && top.Confidence <= high
            ? $"top confidence {SamplingText.Number(top.Confidence)} within [{SamplingText.Number(low)}, {SamplingText.Number(high)}] ({top.Label})"
            : null;
    }
}
