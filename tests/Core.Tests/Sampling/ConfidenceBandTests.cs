using ContinuousImprovement.Core.Sampling;

using static ContinuousImprovement.Core.Tests.Sampling.SamplingTestData;

namespace ContinuousImprovement.Core.Tests.Sampling;

public sealed class ConfidenceBandTests
{
    private const SamplingStrategy Strategy = SamplingStrategy.ConfidenceBand;

    [Fact]
    public void Worked_example_47_5_is_inside_40_to_60()
    {
        Assert.Equal(
            "top confidence 47.5 within [40, 60] (amazon_logo)",
            FiredReason(Decide(Strategy, Predict(("amazon_logo", 47.5))), Strategy));
    }

    [Theory]
    [InlineData(40, true)]
    [InlineData(60, true)]
    [InlineData(39.99, false)]
    [InlineData(60.01, false)]
    [InlineData(95, false)]
    public void Worked_example_edges_are_inclusive(double top, bool fires)
    {
        Assert.Equal(fires, Decide(Strategy, Predict(("amazon_logo", top))).Wanted);
    }

    [Fact]
    public void One_ulp_outside_either_edge_does_not_fire()
    {
        Assert.False(Decide(Strategy, Predict(("amazon_logo", Math.BitDecrement(40.0)))).Wanted);
        Assert.False(Decide(Strategy, Predict(("amazon_logo", Math.BitIncrement(60.0)))).Wanted);
    }

    [Fact]
    public void Only_the_top_confidence_is_looked_at()
    {
        Assert.False(Decide(Strategy, Predict(("other", 50), ("amazon_logo", 90))).Wanted);
    }

    [Fact]
    public void No_label_is_not_inside_any_band()
    {
        Assert.False(Decide(Strategy, Prediction.Empty, s => s with { ConfidenceBandLow = 0, ConfidenceBandHigh = 100 }).Wanted);
    }

    [Fact]
    public void A_reversed_or_nan_band_is_empty()
    {
        Assert.False(Decide(Strategy, Predict(("amazon_logo", 50)), s => s with { ConfidenceBandLow = 60, ConfidenceBandHigh = 40 }).Wanted);
        Assert.False(Decide(Strategy, Predict(("amazon_logo", 50)), s => s with { ConfidenceBandLow = double.NaN }).Wanted);
    }
}
