using ContinuousImprovement.Core.Sampling;

using static ContinuousImprovement.Core.Tests.Sampling.SamplingTestData;

namespace ContinuousImprovement.Core.Tests.Sampling;

public sealed class EntropyTests
{
    private const SamplingStrategy Strategy = SamplingStrategy.Entropy;

    [Fact]
    public void Worked_example_50_30_20_has_entropy_1_0297_and_fires_at_the_default()
    {
        SamplingDecision decision = Decide(Strategy, Predict(("cat", 50), ("dog", 30), ("fox", 20)));

        Assert.Equal(1.0296530140645737, decision.Metrics.Entropy!.Value, 12);
        Assert.Equal("entropy 1.03 > 1 nats over 3 labels", FiredReason(decision, Strategy));
    }

    [Fact]
    public void Worked_example_a_confident_cat_has_low_entropy()
    {
        SamplingDecision decision = Decide(Strategy, Predict(("cat", 97.53), ("dog", 2.11)));

        Assert.Equal(0.10258217081527933, decision.Metrics.Entropy!.Value, 12);
        Assert.False(decision.Wanted);
    }

    [Fact]
    public void Equally_likely_labels_reach_the_maximum_ln_k()
    {
        SamplingDecision decision = Decide(Strategy, Predict(("a", 20), ("b", 20), ("c", 20), ("d", 20)));

        Assert.Equal(Math.Log(4), decision.Metrics.Entropy!.Value, 12);
    }

    [Fact]
    public void A_single_label_has_entropy_zero()
    {
        SamplingDecision decision = Decide(Strategy, Predict(("cat", 12)), s => s with { EntropyThreshold = 0 });

        Assert.Equal(0, decision.Metrics.Entropy);
        Assert.False(decision.Wanted);
    }

    [Fact]
    public void Entropy_equal_to_the_threshold_does_not_fire_and_just_below_it_does()
    {
        Prediction prediction = Predict(("cat", 50), ("dog", 25), ("fox", 25));
        double entropy = SamplingPolicy.Decide(Input(prediction), Only(Strategy)).Metrics.Entropy!.Value;

        Assert.Equal(1.5 * Math.Log(2), entropy, 12);
        Assert.False(Decide(Strategy, prediction, s => s with { EntropyThreshold = entropy }).Wanted);
        Assert.True(Decide(Strategy, prediction, s => s with { EntropyThreshold = Math.BitDecrement(entropy) }).Wanted);
    }

    [Fact]
    public void Zero_probability_labels_add_nothing()
    {
        SamplingDecision decision = Decide(Strategy, Predict(("cat", 50), ("dog", 50), ("fox", 0)));

        Assert.Equal(Math.Log(2), decision.Metrics.Entropy!.Value, 12);
    }

    [Fact]
    public void No_label_fires()
    {
        SamplingDecision decision = Decide(Strategy, Prediction.Empty, s => s with { EntropyThreshold = 1e9 });

        Assert.Null(decision.Metrics.Entropy);
        Assert.Equal("no label detected", FiredReason(decision, Strategy));
    }
}
