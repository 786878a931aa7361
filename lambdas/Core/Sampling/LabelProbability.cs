namespace ContinuousImprovement.Core.Sampling;

/// <summary>One label of a normalized distribution: <see cref="Probability"/> is in [0, 1] and all of them sum to 1.</summary>
public sealed record LabelProbability(string Label, double Probability)
{
    /// <summary>"cat p=0.979", for logs.</summary>
    public override string ToString() => $"{Label} p={SamplingText.Number(Probability)}";
}
