using ContinuousImprovement.Core.Sampling;

namespace ContinuousImprovement.Core.Tests.Sampling;

public sealed class SamplingStrategyNamesTests
{
    [Fact]
    public void All_lists_the_kebab_case_names_in_enum_order()
    {
        Assert.Equal(
            ["below-threshold", "least-confidence", "margin", "entropy", "random", "confidence-band", "audit", "ground-truth-mismatch"],
            SamplingStrategyNames.All);
        Assert.Equal(Enum.GetValues<SamplingStrategy>().Length, SamplingStrategyNames.All.Count);
    }

    [Fact]
    public void Every_strategy_round_trips_through_its_name()
    {
        foreach (SamplingStrategy strategy in Enum.GetValues<SamplingStrategy>())
        {
            Assert.True(SamplingStrategyNames.TryParse(SamplingStrategyNames.NameOf(strategy), out SamplingStrategy parsed));
            Assert.Equal(strategy, parsed);
        }
    }

    [Theory]
    [InlineData(" Margin ", SamplingStrategy.Margin)]
    [InlineData("GROUND-TRUTH-MISMATCH", SamplingStrategy.GroundTruthMismatch)]
    [InlineData("\tconfidence-band\n", SamplingStrategy.ConfidenceBand)]
    public void Parsing_ignores_surrounding_space_and_case(string text, SamplingStrategy expected)
    {
        Assert.True(SamplingStrategyNames.TryParse(text, out SamplingStrategy parsed));
        Assert.Equal(expected, parsed);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("BelowThreshold")]
    [InlineData("below_threshold")]
    [InlineData("below threshold")]
    [InlineData("random,audit")]
    public void Parsing_rejects_anything_but_one_kebab_case_name(string? text)
    {
        Assert.False(SamplingStrategyNames.TryParse(text, out _));
    }

    [Fact]
    public void Naming_an_undeclared_value_is_a_programmer_error()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => SamplingStrategyNames.NameOf((SamplingStrategy)99));
    }
}
