namespace ContinuousImprovement.Core.Sampling;

/// <summary>The original project's rule; see <see cref="SamplingStrategy.BelowThreshold"/>.</summary>
internal sealed class BelowThresholdRule : ISamplingRule
{
    public SamplingStrategy Strategy => SamplingStrategy.BelowThreshold;

    public string? Evaluate(SamplingContext context)
    {
        if (context.Top is not { } top)
        {
            return "no label detected";
        }

        double minimum = context.Settings.MinimumLabelDetectionConfidence;
        return top.Confidence < minimum
            ? $"top confidence {SamplingText.Compare(top.Confidence, "<", minimum)} ({top.Label})"
            : null;
    }
}
