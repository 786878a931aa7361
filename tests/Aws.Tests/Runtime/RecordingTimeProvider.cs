using Microsoft.Extensions.Time.Testing;

namespace ContinuousImprovement.Aws.Tests.Runtime;

/// <summary>A fake clock that remembers every timer asked of it, so a test can advance exactly to each backoff without sleeping.</summary>
internal sealed class RecordingTimeProvider(DateTimeOffset start) : FakeTimeProvider(start)
{
    private readonly List<TimeSpan> _timers = [];

    public IReadOnlyList<TimeSpan> Timers
    {
        get
        {
            lock (_timers)
            {
                return [.. _timers];
            }
        }
    }

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        lock (_timers)
        {
            _timers.Add(dueTime);
        }
        return base.CreateTimer(callback, state, dueTime, period);
    }

    /// <summary>Runs <paramref name="call"/>, advancing fake time by each timer as soon as it is created.</summary>
    public async Task<T> Drive<T>(Func<Task<T>> call)
    {
        var task = call();
        var seen = 0;
        for (var spins = 0; !task.IsCompleted && spins < 100_000; spins++)
        {
            var timers = Timers;
            if (timers.Count > seen)
            {
                Advance(timers[seen]);
                seen++;
            }
            await Task.Yield();
        }
        return await task;
    }
}
