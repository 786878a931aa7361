using ContinuousImprovement.Core.Sampling;

using static ContinuousImprovement.Core.Tests.Sampling.SamplingTestData;

namespace ContinuousImprovement.Core.Tests.Sampling;

public sealed class LeastConfidenceTests
{
    private const SamplingStrategy Strategy = SamplingStrategy.LeastConfidence;

    [Fact]
    public void Worked_example_50_30_20_has_uncertainty_one_half_and_fires_at_the_default()
    {
        SamplingDecision decision = Decide(Strategy, Predict(("cat", 50), ("dog", 30), ("fox", 20)));

        Assert.Equal(0.5, decision.Metrics.LeastConfidence, 12);
        Assert.Equal("uncertainty 1 - p_max = 0.5 >= 0.5 (top cat p=0.5)", FiredReason(decision, Strategy));
    }

    [Fact]
    public void Worked_example_50_30_20_does_not_fire_at_0_6()
    {
        Assert.False(Decide(Strategy, Predict(("cat", 50), ("dog", 30), ("fox", 20)), s => s with { LeastConfidenceThreshold = 0.6 }).Wanted);
    }

    [Fact]
    public void Worked_example_a_confident_cat_does_not_fire()
    {
        SamplingDecision decision = Decide(Strategy, Predict(("cat", 97.53), ("dog", 2.11)));

        Assert.Equal(2.11 / 99.64, decision.Metrics.LeastConfidence, 12);
        Assert.False(decision.Wanted);
    }

    [Fact]
    public void Uncertainty_exactly_at_the_threshold_fires_and_just_below_does_not()
    {
        // 50/50 gives p_max = 0.5 exactly, so 1 − p_max = 0.5 with no rounding.
        Prediction tie = Predict(("cat", 50), ("dog", 50));

        Assert.True(Decide(Strategy, tie, s => s with { LeastConfidenceThreshold = 0.5 }).Wanted);
        Assert.False(Decide(Strategy, tie, s => s with { LeastConfidenceThreshold = Math.BitIncrement(0.5) }).Wanted);
    }

    [Fact]
    public void A_single_label_has_no_uncertainty()
    {
        SamplingDecision decision = Decide(Strategy, Predict(("cat", 12)));

        Assert.Equal(0, decision.Metrics.LeastConfidence);
        Assert.False(decision.Wanted);
    }

    [Theory]
    [InlineData(0.5)]
    [InlineData(1.5)]
    [InlineData(double.NaN)]
    public void No_label_fires_with_uncertainty_one_whatever_the_threshold(double threshold)
    {
        SamplingDecision decision = Decide(Strategy, Prediction.Empty, s => s with { LeastConfidenceThreshold = threshold });

        Assert.Equal(1, decision.Metrics.LeastConfidence);
        Assert.Equal("no label detected (uncertainty 1)", FiredReason(decision, Strategy));
    }

    [Fact]
    public void Labels_without_a_positive_confidence_fire_like_no_label()
    {
        Assert.Equal(
            "no label has a positive confidence (uncertainty 1)",
            FiredReason(Decide(Strategy, Predict(("cat", 0))), Strategy));
    }
}
