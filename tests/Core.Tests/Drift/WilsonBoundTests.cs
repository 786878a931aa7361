using ContinuousImprovement.Core.Drift;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace ContinuousImprovement.Core.Tests.Drift;

public sealed class WilsonBoundTests
{
    [Theory]
    [InlineData(15, 60, 0.17019764056532904, 0.35137575873130616)]
    [InlineData(5, 20, 0.12737716852035766, 0.4322017501601245)]
    [InlineData(0, 10, 0.0, 0.21294197008340698)]
    [InlineData(10, 10, 0.7870580299165931, 1.0)]
    public void The_bounds_are_the_wilson_score_bounds_at_one_sided_95_percent(int successes, int trials, double lower, double upper)
    {
        Assert.Equal(lower, WilsonBound.Lower(successes, trials), 1e-9);
        Assert.Equal(upper, WilsonBound.Upper(successes, trials), 1e-9);
    }

    [Fact]
    public void No_trials_bound_nothing_and_impossible_counts_are_refused()
    {
        Assert.Equal((0.0, 1.0), (WilsonBound.Lower(0, 0), WilsonBound.Upper(0, 0)));
        Assert.Throws<ArgumentOutOfRangeException>(() => WilsonBound.Lower(3, 2));
        Assert.Throws<ArgumentOutOfRangeException>(() => WilsonBound.Lower(-1, 2));
        Assert.Throws<ArgumentOutOfRangeException>(() => WilsonBound.Lower(1, 2, double.NaN));
    }

    [Property(MaxTest = 1000)]
    public Property The_interval_holds_the_observed_share_inside_zero_and_one() =>
        Prop.ForAll(Counts().ToArbitrary(), c =>
        {
            var (lower, upper, share) = (WilsonBound.Lower(c.Successes, c.Trials), WilsonBound.Upper(c.Successes, c.Trials), (double)c.Successes / c.Trials);
            return (0 <= lower && lower <= share && share <= upper && upper <= 1).Label($"{lower} ≤ {share} ≤ {upper}");
        });

    [Property(MaxTest = 1000)]
    public Property More_successes_in_as_many_trials_never_lower_the_lower_bound() =>
        Prop.ForAll(Counts().Where(c => c.Successes < c.Trials).ToArbitrary(), c =>
            WilsonBound.Lower(c.Successes + 1, c.Trials) >= WilsonBound.Lower(c.Successes, c.Trials));

    [Property(MaxTest = 500)]
    public Property The_same_share_over_more_trials_narrows_the_interval() =>
        Prop.ForAll(Counts().ToArbitrary(), Gen.Choose(2, 10).ToArbitrary(), (c, times) =>
            WilsonBound.Lower(c.Successes * times, c.Trials * times) >= WilsonBound.Lower(c.Successes, c.Trials) - 1e-12
            && WilsonBound.Upper(c.Successes * times, c.Trials * times) <= WilsonBound.Upper(c.Successes, c.Trials) + 1e-12);

    private static Gen<(int Successes, int Trials)> Counts() =>
        from trials in Gen.Choose(1, 5000)
        from successes in Gen.Choose(0, trials)
        select (successes, trials);
}
