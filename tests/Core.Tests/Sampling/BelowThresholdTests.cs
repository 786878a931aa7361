using ContinuousImprovement.Core.Sampling;

using static ContinuousImprovement.Core.Tests.Sampling.SamplingTestData;

namespace ContinuousImprovement.Core.Tests.Sampling;

public sealed class BelowThresholdTests
{
    private const SamplingStrategy Strategy = SamplingStrategy.BelowThreshold;

    [Fact]
    public void Worked_example_top_41_7_is_below_70()
    {
        SamplingDecision decision = Decide(Strategy, Predict(("amazon_logo", 41.7)));

        Assert.Equal("top confidence 41.7 < 70 (amazon_logo)", FiredReason(decision, Strategy));
        Assert.True(decision.SendToHuman);
    }

    [Fact]
    public void Worked_example_no_label_fires()
    {
        Assert.Equal("no label detected", FiredReason(Decide(Strategy, Prediction.Empty), Strategy));
    }

    [Fact]
    public void Top_exactly_at_the_minimum_does_not_fire()
    {
        Assert.False(Decide(Strategy, Predict(("amazon_logo", 70))).Wanted);
    }

    [Fact]
    public void Top_just_below_the_minimum_fires_and_says_so_without_rounding_to_a_contradiction()
    {
        SamplingDecision decision = Decide(Strategy, Predict(("amazon_logo", Math.BitDecrement(70.0))));

        Assert.Equal("top confidence 69.99999999999999 < 70 (amazon_logo)", FiredReason(decision, Strategy));
    }

    [Fact]
    public void Only_the_top_label_counts()
    {
        Assert.False(Decide(Strategy, Predict(("other", 3), ("amazon_logo", 95))).Wanted);
    }

    [Fact]
    public void The_minimum_comes_from_the_settings()
    {
        Assert.True(Decide(Strategy, Predict(("amazon_logo", 85)), s => s with { MinimumLabelDetectionConfidence = 90 }).Wanted);
        Assert.False(Decide(Strategy, Predict(("amazon_logo", 85)), s => s with { MinimumLabelDetectionConfidence = 80 }).Wanted);
    }

    [Fact]
    public void A_nan_minimum_only_fires_on_no_label()
    {
        Func<SamplingSettings, SamplingSettings> nan = s => s with { MinimumLabelDetectionConfidence = double.NaN };

        Assert.False(Decide(Strategy, Predict(("amazon_logo", 1)), nan).Wanted);
        Assert.True(Decide(Strategy, Prediction.Empty, nan).Wanted);
    }

    [Fact]
    public void An_unusable_top_confidence_counts_as_zero()
    {
        Assert.Equal("top confidence 0 < 70 (amazon_logo)", FiredReason(Decide(Strategy, Predict(("amazon_logo", double.NaN))), Strategy));
    }
}
