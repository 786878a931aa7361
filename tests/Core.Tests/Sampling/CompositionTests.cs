using ContinuousImprovement.Core.Sampling;

using static ContinuousImprovement.Core.Tests.Sampling.SamplingTestData;

namespace ContinuousImprovement.Core.Tests.Sampling;

public sealed class CompositionTests
{
    private static readonly SamplingSettings Everything =
        SamplingSettings.Default with { Strategies = Enum.GetValues<SamplingStrategy>().ToHashSet(), RandomRate = 1 };

    [Fact]
    public void Worked_example_low_confidence_and_a_contradicting_claim_give_two_reasons()
    {
        SamplingDecision decision = SamplingPolicy.Decide(
            Input(Predict(("amazon_logo", 41.7)), claimedLabel: "other", humanLoopsToday: 12),
            SamplingSettings.Default);

        Assert.True(decision.SendToHuman);
        Assert.False(decision.Capped);
        Assert.Equal(
            [
                new SamplingReason(SamplingStrategy.BelowThreshold, "top confidence 41.7 < 70 (amazon_logo)"),
                new SamplingReason(SamplingStrategy.GroundTruthMismatch, "claimed 'other' but the top label is 'amazon_logo' (41.7)"),
            ],
            decision.Reasons);
        Assert.Equal("sent to a human: wanted by below-threshold, ground-truth-mismatch", decision.Summary);
    }

    [Fact]
    public void Every_strategy_can_fire_at_once_and_reasons_follow_enum_order()
    {
        // 50/50 at 50% confidence: below 70, uncertain, no margin, ln 2 entropy above 0.5, inside the band.
        SamplingDecision decision = SamplingPolicy.Decide(
            Input(Predict(("dog", 50), ("cat", 50)), inferenceNumber: 200, claimedLabel: "cat"),
            Everything with { EntropyThreshold = 0.5 });

        Assert.Equal(Enum.GetValues<SamplingStrategy>(), decision.Reasons.Select(reason => reason.Strategy));
        Assert.Equal(
            "sent to a human: wanted by below-threshold, least-confidence, margin, entropy, random, confidence-band, audit, ground-truth-mismatch",
            decision.Summary);
    }

    [Fact]
    public void Reason_order_does_not_depend_on_the_order_strategies_were_listed()
    {
        var reversed = new List<SamplingStrategy>(Enum.GetValues<SamplingStrategy>());
        reversed.Reverse();
        SamplingInput input = Input(Prediction.Empty, inferenceNumber: 100, claimedLabel: "cat");

        SamplingDecision forward = SamplingPolicy.Decide(input, Everything);
        SamplingDecision backward = SamplingPolicy.Decide(input, Everything with { Strategies = reversed.ToHashSet() });

        Assert.Equal(forward.Reasons, backward.Reasons);
        Assert.Equal(
            [SamplingStrategy.BelowThreshold, SamplingStrategy.LeastConfidence, SamplingStrategy.Margin, SamplingStrategy.Entropy,
             SamplingStrategy.Random, SamplingStrategy.Audit, SamplingStrategy.GroundTruthMismatch],
            forward.Reasons.Select(reason => reason.Strategy));
    }

    [Fact]
    public void Disabled_strategies_give_no_reason_even_when_they_would_fire()
    {
        SamplingDecision decision = SamplingPolicy.Decide(Input(Prediction.Empty, claimedLabel: "cat"), Only(SamplingStrategy.Margin));

        Assert.Equal([SamplingStrategy.Margin], decision.Reasons.Select(reason => reason.Strategy));
    }

    [Fact]
    public void Nothing_firing_is_not_wanted_and_says_so()
    {
        SamplingDecision decision = SamplingPolicy.Decide(Input(Predict(("cat", 95)), claimedLabel: "cat"), SamplingSettings.Default);

        Assert.False(decision.Wanted);
        Assert.False(decision.SendToHuman);
        Assert.False(decision.Capped);
        Assert.Empty(decision.Reasons);
        Assert.Equal("not sent: no enabled strategy fired", decision.Summary);
    }

    [Fact]
    public void No_enabled_strategy_never_selects()
    {
        SamplingDecision decision = SamplingPolicy.Decide(
            Input(Prediction.Empty, claimedLabel: "cat"),
            SamplingSettings.Default with { Strategies = new HashSet<SamplingStrategy> { (SamplingStrategy)42 } });

        Assert.False(decision.Wanted);
        Assert.Equal("not sent: no sampling strategy is enabled", decision.Summary);
    }

    [Fact]
    public void Metrics_are_reported_even_for_strategies_that_are_off()
    {
        SamplingDecision decision = SamplingPolicy.Decide(Input(Predict(("cat", 50), ("dog", 30), ("fox", 20))), Only(SamplingStrategy.Audit));

        Assert.Equal(50, decision.Metrics.TopConfidence);
        Assert.Equal("cat", decision.Metrics.TopLabel);
        Assert.Equal(0.2, decision.Metrics.Margin!.Value, 12);
        Assert.Equal(1.0296530140645737, decision.Metrics.Entropy!.Value, 12);
        Assert.Equal(0.5, decision.Metrics.LeastConfidence, 12);
        Assert.Equal(0.5724807013364328, decision.Metrics.RandomDraw);
    }

    [Fact]
    public void Metrics_without_labels_are_null_or_maximal()
    {
        Assert.Equal(
            new SamplingMetrics(null, null, null, null, 1, 0.5724807013364328),
            SamplingPolicy.Decide(Input(Prediction.Empty), SamplingSettings.Default).Metrics);
    }

    [Fact]
    public void Null_arguments_are_programmer_errors()
    {
        Assert.Throws<ArgumentNullException>(() => SamplingPolicy.Decide(null!, SamplingSettings.Default));
        Assert.Throws<ArgumentNullException>(() => SamplingPolicy.Decide(Input(Prediction.Empty), null!));
        Assert.Throws<ArgumentNullException>(() => SamplingPolicy.Decide(Input(Prediction.Empty, imageKey: null!), SamplingSettings.Default));
        Assert.Throws<ArgumentNullException>(() => SamplingPolicy.Decide(Input(null!), SamplingSettings.Default));
    }
}
