using ContinuousImprovement.Core.Sampling;

namespace ContinuousImprovement.Core.Tests.Sampling;

public sealed class DailyCounterTests
{
    private static readonly DateOnly Day = new(2025, 3, 1);

    [Fact]
    public void Worked_example_counts_on_the_same_day_and_restarts_on_the_next()
    {
        var counter = new DailyCounter(Day, 12);

        Assert.Equal(12, counter.CountOn(Day));
        Assert.Equal(0, counter.CountOn(Day.AddDays(1)));
        Assert.Equal(new DailyCounter(Day, 13), counter.Increment(Day));
        Assert.Equal(new DailyCounter(Day.AddDays(1), 1), counter.Increment(Day.AddDays(1)));
    }

    [Fact]
    public void Counting_a_day_of_loops_reaches_the_total()
    {
        var counter = new DailyCounter(Day.AddDays(-1), 400);
        for (int i = 0; i < 25; i++)
        {
            counter = counter.Increment(Day);
        }

        Assert.Equal(new DailyCounter(Day, 25), counter);
    }

    [Fact]
    public void A_lagging_clock_neither_resets_nor_rewinds_the_counter()
    {
        var counter = new DailyCounter(Day, 500);

        Assert.Equal(500, counter.CountOn(Day.AddDays(-1)));
        Assert.Equal(new DailyCounter(Day, 501), counter.Increment(Day.AddDays(-1)));
    }

    [Fact]
    public void A_negative_stored_count_reads_as_zero()
    {
        var counter = new DailyCounter(Day, -7);

        Assert.Equal(0, counter.CountOn(Day));
        Assert.Equal(new DailyCounter(Day, 1), counter.Increment(Day));
    }

    [Fact]
    public void The_count_saturates_instead_of_overflowing()
    {
        Assert.Equal(int.MaxValue, new DailyCounter(Day, int.MaxValue).Increment(Day).Count);
    }
}
