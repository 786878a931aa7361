using ContinuousImprovement.Core.Sampling;

using static ContinuousImprovement.Core.Tests.Sampling.SamplingTestData;

namespace ContinuousImprovement.Core.Tests.Sampling;

public sealed class GroundTruthMismatchTests
{
    private const SamplingStrategy Strategy = SamplingStrategy.GroundTruthMismatch;

    [Fact]
    public void Worked_example_claimed_cat_but_dog_detected_fires()
    {
        SamplingDecision decision = Decide(Predict(("dog", 91.2), ("cat", 5)), "cat");

        Assert.Equal("claimed 'cat' but the top label is 'dog' (91.2)", FiredReason(decision, Strategy));
    }

    [Theory]
    [InlineData("amazon_logo")]
    [InlineData(" Amazon_Logo ")]
    [InlineData("AMAZON_LOGO\t")]
    public void Worked_example_the_same_label_in_other_case_or_spacing_matches(string claimed)
    {
        Assert.False(Decide(Predict(("amazon_logo", 41.7)), claimed).Wanted);
    }

    [Fact]
    public void The_detected_label_is_trimmed_too()
    {
        Assert.False(Decide(Predict((" cat ", 80)), "cat").Wanted);
    }

    [Fact]
    public void Non_ascii_letters_match_case_insensitively()
    {
        Assert.False(Decide(Predict(("café", 80)), "CAFÉ").Wanted);
    }

    [Fact]
    public void A_claim_with_no_label_detected_fires()
    {
        Assert.Equal("claimed 'cat' but no label detected", FiredReason(Decide(Prediction.Empty, " cat "), Strategy));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void No_claim_never_fires(string? claimed)
    {
        Assert.False(Decide(Prediction.Empty, claimed).Wanted);
        Assert.False(Decide(Predict(("dog", 10)), claimed).Wanted);
    }

    [Fact]
    public void Only_the_top_label_has_to_match()
    {
        Assert.True(Decide(Predict(("dog", 60), ("cat", 59)), "cat").Wanted);
    }

    private static SamplingDecision Decide(Prediction prediction, string? claimed) =>
        SamplingPolicy.Decide(Input(prediction, claimedLabel: claimed), Only(Strategy));
}
