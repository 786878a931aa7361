using ContinuousImprovement.Core.Sampling;

namespace ContinuousImprovement.Core.Tests.Sampling;

public sealed class SamplingSettingsTests
{
    [Fact]
    public void Default_matches_the_shipped_configuration()
    {
        SamplingSettings settings = SamplingSettings.Default;

        Assert.Equal([SamplingStrategy.BelowThreshold, SamplingStrategy.GroundTruthMismatch], settings.Strategies);
        Assert.Equal(70, settings.MinimumLabelDetectionConfidence);
        Assert.Equal(0.5, settings.LeastConfidenceThreshold);
        Assert.Equal(0.1, settings.MarginThreshold);
        Assert.Equal(1.0, settings.EntropyThreshold);
        Assert.Equal(0.05, settings.RandomRate);
        Assert.Equal(42, settings.RandomSeed);
        Assert.Equal(40, settings.ConfidenceBandLow);
        Assert.Equal(60, settings.ConfidenceBandHigh);
        Assert.Equal(100, settings.AuditInterval);
        Assert.Equal(500, settings.MaxHumanLoopsPerDay);
    }

    [Fact]
    public void Settings_with_the_same_values_are_equal_whatever_set_holds_the_strategies()
    {
        SamplingSettings fromHashSet = SamplingSettings.Default with
        {
            Strategies = new HashSet<SamplingStrategy> { SamplingStrategy.GroundTruthMismatch, SamplingStrategy.BelowThreshold },
        };

        Assert.Equal(SamplingSettings.Default, new SamplingSettings());
        Assert.Equal(SamplingSettings.Default, fromHashSet);
        Assert.Equal(SamplingSettings.Default.GetHashCode(), fromHashSet.GetHashCode());
        Assert.NotEqual(SamplingSettings.Default, SamplingSettings.Default with { Strategies = new HashSet<SamplingStrategy>() });
        Assert.NotEqual(SamplingSettings.Default, SamplingSettings.Default with { AuditInterval = 7 });
    }

    [Fact]
    public void The_strategies_are_a_snapshot_in_enum_order_without_undeclared_values()
    {
        var source = new HashSet<SamplingStrategy> { SamplingStrategy.Audit, (SamplingStrategy)99, SamplingStrategy.Margin };
        SamplingSettings settings = SamplingSettings.Default with { Strategies = source };
        source.Add(SamplingStrategy.Random);

        Assert.Equal([SamplingStrategy.Margin, SamplingStrategy.Audit], settings.Strategies);
        Assert.Equal(2, settings.Strategies.Count);
        Assert.False(settings.Strategies.Contains((SamplingStrategy)99));
        Assert.False(settings.Strategies.Contains(SamplingStrategy.Random));
        Assert.Contains("Strategies = {margin, audit}", settings.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void The_strategy_set_answers_set_questions_like_a_set()
    {
        IReadOnlySet<SamplingStrategy> set = SamplingSettings.Default.Strategies;
        SamplingStrategy[] same = [SamplingStrategy.GroundTruthMismatch, SamplingStrategy.BelowThreshold];
        SamplingStrategy[] more = [.. same, SamplingStrategy.Audit];

        Assert.True(set.SetEquals(same));
        Assert.False(set.SetEquals(more));
        Assert.False(set.SetEquals([.. same, (SamplingStrategy)99]));
        Assert.True(set.IsSubsetOf(more));
        Assert.True(set.IsProperSubsetOf(more));
        Assert.False(set.IsProperSubsetOf(same));
        Assert.True(set.IsSupersetOf([SamplingStrategy.BelowThreshold]));
        Assert.False(set.IsSupersetOf([SamplingStrategy.BelowThreshold, (SamplingStrategy)99]));
        Assert.True(set.IsProperSupersetOf([SamplingStrategy.BelowThreshold]));
        Assert.False(set.IsProperSupersetOf(same));
        Assert.True(set.Overlaps([SamplingStrategy.Audit, SamplingStrategy.BelowThreshold]));
        Assert.False(set.Overlaps([SamplingStrategy.Audit]));
    }

    [Fact]
    public void Null_strategies_are_a_programmer_error()
    {
        Assert.Throws<ArgumentNullException>(() => SamplingSettings.Default with { Strategies = null! });
    }
}
