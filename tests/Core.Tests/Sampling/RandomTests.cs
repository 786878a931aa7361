using ContinuousImprovement.Core.Sampling;

using static ContinuousImprovement.Core.Tests.Sampling.SamplingTestData;

namespace ContinuousImprovement.Core.Tests.Sampling;

public sealed class RandomTests
{
    private const SamplingStrategy Strategy = SamplingStrategy.Random;
    private static readonly Prediction Confident = Predict(("cat", 99));

    // Golden values computed independently (Python hashlib) from the documented byte layout, so a change of
    // layout or bit extraction, which would silently re-draw every image, fails here.
    [Theory]
    [InlineData(42, "images_for_detection/inference-image-24.png", 0.012295588836035987)]
    [InlineData(42, "images_for_detection/inference-image-1.png", 0.5724807013364328)]
    [InlineData(7, "images_for_detection/inference-image-1.png", 0.27460677599038763)]
    [InlineData(42, "a.png", 0.8734227847039181)]
    public void The_draw_is_pinned_by_seed_and_key(int seed, string key, double expected)
    {
        Assert.Equal(expected, SamplingDraw.Uniform(seed, key));
    }

    [Fact]
    public void Worked_example_image_24_is_picked_at_five_percent()
    {
        SamplingDecision decision = SamplingPolicy.Decide(Input(Confident, "images_for_detection/inference-image-24.png"), Only(Strategy));

        Assert.Equal("draw vs rate: 0.012 < 0.05 (seed 42)", FiredReason(decision, Strategy));
    }

    [Fact]
    public void Worked_example_image_1_is_not_picked_at_five_percent()
    {
        SamplingDecision decision = SamplingPolicy.Decide(Input(Confident, "images_for_detection/inference-image-1.png"), Only(Strategy));

        Assert.False(decision.Wanted);
        Assert.Equal(0.5724807013364328, decision.Metrics.RandomDraw);
    }

    [Fact]
    public void A_rate_equal_to_the_draw_does_not_fire_and_just_above_it_does()
    {
        double draw = SamplingDraw.Uniform(42, ImageKey);

        Assert.False(Decide(Strategy, Confident, s => s with { RandomRate = draw }).Wanted);
        Assert.True(Decide(Strategy, Confident, s => s with { RandomRate = Math.BitIncrement(draw) }).Wanted);
    }

    [Theory]
    [InlineData(0, false)]
    [InlineData(-1, false)]
    [InlineData(double.NaN, false)]
    [InlineData(1, true)]
    [InlineData(7, true)]
    public void Rates_outside_zero_to_one_mean_never_or_always(double rate, bool fires)
    {
        Assert.Equal(fires, Decide(Strategy, Confident, s => s with { RandomRate = rate }).Wanted);
    }

    [Fact]
    public void The_same_seed_and_key_decide_the_same_way_every_time()
    {
        SamplingSettings settings = Only(Strategy) with { RandomRate = 0.5 };
        bool[] first = Enumerable.Range(0, 200).Select(i => Picked($"img-{i}.png", settings)).ToArray();
        bool[] again = Enumerable.Range(0, 200).Select(i => Picked($"img-{i}.png", settings)).ToArray();

        Assert.Equal(first, again);
        Assert.Contains(true, first);
        Assert.Contains(false, first);
    }

    [Fact]
    public void Another_seed_draws_a_different_sample()
    {
        SamplingSettings seed42 = Only(Strategy) with { RandomRate = 0.5 };
        SamplingSettings seed43 = seed42 with { RandomSeed = 43 };

        int differences = Enumerable.Range(0, 200).Count(i => Picked($"img-{i}.png", seed42) != Picked($"img-{i}.png", seed43));
        Assert.InRange(differences, 60, 140);
    }

    [Theory]
    [InlineData(0.05)]
    [InlineData(0.5)]
    [InlineData(0.9)]
    public void The_hit_rate_over_ten_thousand_keys_is_close_to_the_rate(double rate)
    {
        const int keys = 10_000;
        SamplingSettings settings = Only(Strategy) with { RandomRate = rate };

        int hits = Enumerable.Range(0, keys).Count(i => Picked($"images_for_detection/upload-{i:D5}.jpg", settings));

        // Five standard deviations of a binomial count: a correct hash essentially never fails this.
        double tolerance = 5 * Math.Sqrt(keys * rate * (1 - rate));
        Assert.InRange(hits, (keys * rate) - tolerance, (keys * rate) + tolerance);
    }

    [Fact]
    public void Raising_the_rate_only_adds_images()
    {
        SamplingSettings low = Only(Strategy) with { RandomRate = 0.05 };
        SamplingSettings high = low with { RandomRate = 0.2 };

        foreach (int i in Enumerable.Range(0, 2_000))
        {
            string key = $"img-{i}.png";
            Assert.True(!Picked(key, low) || Picked(key, high), key);
        }
    }

    [Fact]
    public void Keys_with_broken_surrogates_still_draw_reproducibly()
    {
        Assert.Equal(SamplingDraw.Uniform(1, "bad\ud800key"), SamplingDraw.Uniform(1, "bad\ud800key"));
        Assert.InRange(SamplingDraw.Uniform(1, "bad\ud800key"), 0, Math.BitDecrement(1.0));
        Assert.InRange(SamplingDraw.Uniform(1, ""), 0, Math.BitDecrement(1.0));
    }

    private static bool Picked(string key, SamplingSettings settings) =>
        SamplingPolicy.Decide(Input(Confident, key), settings).Wanted;
}
