using ContinuousImprovement.Core.Sampling;

using static ContinuousImprovement.Core.Tests.Sampling.SamplingTestData;

namespace ContinuousImprovement.Core.Tests.Sampling;

public sealed class DailyCapTests
{
    private static readonly Prediction Doubtful = Predict(("amazon_logo", 41.7));

    [Fact]
    public void Worked_example_wanted_at_the_cap_is_capped_and_not_sent()
    {
        SamplingDecision decision = SamplingPolicy.Decide(
            Input(Doubtful, claimedLabel: "other", humanLoopsToday: 500), SamplingSettings.Default);

        Assert.True(decision.Wanted);
        Assert.True(decision.Capped);
        Assert.False(decision.SendToHuman);
        Assert.Equal(2, decision.Reasons.Count);
        Assert.Equal("wanted by below-threshold, ground-truth-mismatch but the daily cap of 500 human loops is reached", decision.Summary);
    }

    [Theory]
    [InlineData(499, true)]
    [InlineData(500, false)]
    [InlineData(501, false)]
    [InlineData(-3, true)]
    public void The_cap_applies_once_today_reaches_it(int loopsToday, bool sent)
    {
        SamplingDecision decision = SamplingPolicy.Decide(Input(Doubtful, humanLoopsToday: loopsToday), SamplingSettings.Default);

        Assert.Equal(sent, decision.SendToHuman);
        Assert.Equal(!sent, decision.Capped);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    public void A_cap_of_zero_or_below_means_no_human_loops_at_all(int cap)
    {
        SamplingDecision decision = SamplingPolicy.Decide(Input(Doubtful), SamplingSettings.Default with { MaxHumanLoopsPerDay = cap });

        Assert.False(decision.SendToHuman);
        Assert.True(decision.Capped);
        Assert.Equal("wanted by below-threshold but the daily cap of 0 human loops is reached", decision.Summary);
    }

    [Fact]
    public void A_cap_of_one_is_singular()
    {
        SamplingDecision decision = SamplingPolicy.Decide(
            Input(Doubtful, humanLoopsToday: 1), SamplingSettings.Default with { MaxHumanLoopsPerDay = 1 });

        Assert.Equal("wanted by below-threshold but the daily cap of 1 human loop is reached", decision.Summary);
    }

    [Fact]
    public void What_is_not_wanted_is_never_capped()
    {
        SamplingDecision decision = SamplingPolicy.Decide(
            Input(Predict(("amazon_logo", 99)), humanLoopsToday: 10_000), SamplingSettings.Default);

        Assert.False(decision.Capped);
        Assert.False(decision.Wanted);
    }

    [Fact]
    public void A_new_utc_day_reopens_the_cap()
    {
        var monday = new DateOnly(2025, 3, 3);
        var counter = new DailyCounter(monday, 500);

        SamplingDecision onMonday = SamplingPolicy.Decide(Input(Doubtful, humanLoopsToday: counter.CountOn(monday)), SamplingSettings.Default);
        SamplingDecision onTuesday = SamplingPolicy.Decide(Input(Doubtful, humanLoopsToday: counter.CountOn(monday.AddDays(1))), SamplingSettings.Default);

        Assert.True(onMonday.Capped);
        Assert.True(onTuesday.SendToHuman);
    }
}
