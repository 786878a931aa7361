using ContinuousImprovement.Core.Sampling;

using static ContinuousImprovement.Core.Tests.Sampling.SamplingTestData;

namespace ContinuousImprovement.Core.Tests.Sampling;

public sealed class MarginTests
{
    private const SamplingStrategy Strategy = SamplingStrategy.Margin;

    [Fact]
    public void Worked_example_50_30_20_has_margin_0_2()
    {
        Prediction prediction = Predict(("cat", 50), ("dog", 30), ("fox", 20));

        SamplingDecision atQuarter = Decide(Strategy, prediction, s => s with { MarginThreshold = 0.25 });
        Assert.Equal(0.2, atQuarter.Metrics.Margin!.Value, 12);
        Assert.Equal("margin p1 - p2 = 0.2 <= 0.25 (between cat p=0.5 and dog p=0.3)", FiredReason(atQuarter, Strategy));

        Assert.False(Decide(Strategy, prediction).Wanted);
    }

    [Fact]
    public void Worked_example_52_48_fires_at_the_default()
    {
        SamplingDecision decision = Decide(Strategy, Predict(("cat", 52), ("dog", 48)));

        Assert.Equal(0.04, decision.Metrics.Margin!.Value, 12);
        Assert.Equal("margin p1 - p2 = 0.04 <= 0.1 (between cat p=0.52 and dog p=0.48)", FiredReason(decision, Strategy));
    }

    [Fact]
    public void Margin_exactly_at_the_threshold_fires_and_just_above_does_not()
    {
        // 50/25/25 normalizes exactly to 0.5/0.25/0.25, so the margin is exactly 0.25.
        Prediction prediction = Predict(("cat", 50), ("dog", 25), ("fox", 25));

        Assert.True(Decide(Strategy, prediction, s => s with { MarginThreshold = 0.25 }).Wanted);
        Assert.False(Decide(Strategy, prediction, s => s with { MarginThreshold = Math.BitDecrement(0.25) }).Wanted);
    }

    [Fact]
    public void A_single_label_has_margin_one()
    {
        Prediction single = Predict(("cat", 30));

        Assert.Equal(1, Decide(Strategy, single).Metrics.Margin);
        Assert.False(Decide(Strategy, single, s => s with { MarginThreshold = Math.BitDecrement(1.0) }).Wanted);
        Assert.Equal(
            "margin p1 - p2 = 1 <= 1 (cat is the only label)",
            FiredReason(Decide(Strategy, single, s => s with { MarginThreshold = 1 }), Strategy));
    }

    [Fact]
    public void No_label_fires()
    {
        SamplingDecision decision = Decide(Strategy, Prediction.Empty, s => s with { MarginThreshold = -1 });

        Assert.Null(decision.Metrics.Margin);
        Assert.Equal("no label detected", FiredReason(decision, Strategy));
    }

    [Fact]
    public void Two_boxes_of_the_same_label_are_not_a_close_call()
    {
        SamplingDecision decision = Decide(Strategy, Predict(("cat", 90), ("cat", 89)));

        Assert.Equal(1, decision.Metrics.Margin);
        Assert.False(decision.Wanted);
    }

    [Fact]
    public void A_nan_threshold_does_not_fire_on_labels()
    {
        Assert.False(Decide(Strategy, Predict(("cat", 50), ("dog", 50)), s => s with { MarginThreshold = double.NaN }).Wanted);
    }
}
