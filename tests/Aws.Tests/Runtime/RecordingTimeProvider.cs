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
        // Registered first, recorded second: Drive must never advance time past a timer the base provider
        // does not know yet, or that timer would never fire and the call would hang.
        var timer = base.CreateTimer(callback, state, dueTime, period);
        lock (_timers)
        {
            _timers.Add(dueTime);
        }

        return timer;
    }

    /// <summary>Runs <paramref name="call"/>, advancing fake time by each timer as soon as it is created.</summary>
    public async Task<T> Drive<T>(Func<Task<T>> call)
    {
        var task = call();
        var seen = 0;
        var giveUp = DateTime.UtcNow.AddSeconds(30);
        while (!task.IsCompleted && DateTime.UtcNow < giveUp)
        {
            var timers = Timers;
            if (timers.Count > seen)
            {
                Advance(timers[seen]);
                seen++;
            }

            await Task.Delay(1);
        }

        // A call that never completes fails the test instead of hanging the run.
        return await task.WaitAsync(TimeSpan.FromSeconds(5));
    }
}
