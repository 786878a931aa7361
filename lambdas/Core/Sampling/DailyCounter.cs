namespace ContinuousImprovement.Core.Sampling;

/// <summary>
/// How many human loops were started on one UTC day, for the daily cap. The caller passes today's UTC date
/// (Core reads no clock) and stores the returned counter.
/// </summary>
/// <remarks>
/// The counter never moves back in time: when <c>today</c> is earlier than <see cref="Day"/> (a late event, or
/// a host whose clock lags), the stored day's count keeps applying and increments add to it. Otherwise a
/// lagging clock would reset the count and reopen a cap that was already reached. A negative stored count
/// (corrupt state) reads as 0.
/// </remarks>
public sealed record DailyCounter(DateOnly Day, int Count)
{
    /// <summary>The count that applies on <paramref name="today"/>: 0 once a later UTC day has begun.</summary>
    /// <example>(2025-03-01, 12).CountOn(2025-03-01) = 12; .CountOn(2025-03-02) = 0.</example>
    public int CountOn(DateOnly today) => today > Day ? 0 : Math.Max(0, Count);

    /// <summary>
    /// The counter after one more human loop on <paramref name="today"/>: (today, 1) on a later day, else the
    /// count plus one (saturating at <see cref="int.MaxValue"/>).
    /// </summary>
    /// <example>(2025-03-01, 12).Increment(2025-03-01) = (2025-03-01, 13); .Increment(2025-03-02) = (2025-03-02, 1).</example>
    public DailyCounter Increment(DateOnly today)
    {
        if (today > Day)
        {
            return new DailyCounter(today, 1);
        }

        int current = Math.Max(0, Count);
        return this with { Count = current == int.MaxValue ? current : current + 1 };
    }
}
