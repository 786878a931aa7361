namespace ContinuousImprovement.Core.Sampling;

/// <summary>Why one strategy asked for a review, in words an operator can check against the figures.</summary>
public sealed record SamplingReason(SamplingStrategy Strategy, string Text)
{
    /// <summary>The strategy's operator-facing name, e.g. <c>below-threshold</c>.</summary>
    public string Name => SamplingStrategyNames.NameOf(Strategy);

    /// <summary>"below-threshold: top confidence 41.7 &lt; 70 (amazon_logo)".</summary>
    public override string ToString() => $"{Name}: {Text}";
}
