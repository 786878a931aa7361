namespace ContinuousImprovement.Asl.Runtime;

/// <summary>
/// Time as executions see it. Tests use <see cref="VirtualClock"/> so a one-hour Wait takes no real time;
/// the twin uses real or scaled time.
/// </summary>
public interface IClock
{
    DateTimeOffset Now { get; }

    /// <summary>Completes when <paramref name="delay"/> has passed on this clock (a Wait, a retry interval).</summary>
    ValueTask DelayAsync(TimeSpan delay, CancellationToken cancellationToken);

    /// <summary>Completes when this clock reaches <paramref name="deadline"/> (a task timeout), without moving it.</summary>
    Task WhenReachedAsync(DateTimeOffset deadline, CancellationToken cancellationToken);
}

/// <summary>Wall-clock time, optionally sped up (a scale of 60 makes a minute pass in a second).</summary>
public sealed class SystemClock : IClock
{
    private readonly double scale;
    private readonly DateTimeOffset origin = DateTimeOffset.UtcNow;
    private readonly long startTicks = Environment.TickCount64;

    public SystemClock(double scale = 1.0)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(scale);
        this.scale = scale;
    }

    public static SystemClock RealTime { get; } = new();

    public DateTimeOffset Now => scale == 1.0
        ? DateTimeOffset.UtcNow
        : origin + TimeSpan.FromMilliseconds((Environment.TickCount64 - startTicks) * scale);

    public async ValueTask DelayAsync(TimeSpan delay, CancellationToken cancellationToken)
    {
        if (delay > TimeSpan.Zero)
        {
            await Task.Delay(delay / scale, cancellationToken).ConfigureAwait(false);
        }
    }

    public Task WhenReachedAsync(DateTimeOffset deadline, CancellationToken cancellationToken)
    {
        var remaining = deadline - Now;
        return remaining > TimeSpan.Zero ? Task.Delay(remaining / scale, cancellationToken) : Task.CompletedTask;
    }
}

/// <summary>
/// Time that moves only when an execution waits: a delay completes at once and moves the clock forward by
/// it, firing any deadline it passes. Executions that wait concurrently each see the clock at least as far
/// as their own wait took it.
/// </summary>
public sealed class VirtualClock : IClock
{
    private readonly Lock gate = new();
    private readonly List<(long Ticks, TaskCompletionSource Signal)> deadlines = [];
    private long ticks;

    public VirtualClock(DateTimeOffset start) => ticks = start.UtcTicks;

    public VirtualClock()
        : this(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero))
    {
    }

    public DateTimeOffset Now => new(Interlocked.Read(ref ticks), TimeSpan.Zero);

    public ValueTask DelayAsync(TimeSpan delay, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        if (delay > TimeSpan.Zero)
        {
            Advance(delay);
        }

        return ValueTask.CompletedTask;
    }

    public Task WhenReachedAsync(DateTimeOffset deadline, CancellationToken cancellationToken)
    {
        lock (gate)
        {
            if (deadline.UtcTicks <= ticks)
            {
                return Task.CompletedTask;
            }

            var signal = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            deadlines.Add((deadline.UtcTicks, signal));
            return signal.Task.WaitAsync(cancellationToken);
        }
    }

    /// <summary>Moves time forward, e.g. to let a test fire a pending task timeout.</summary>
    public void Advance(TimeSpan by)
    {
        List<TaskCompletionSource>? due = null;
        lock (gate)
        {
            ticks += by.Ticks;
            for (var i = deadlines.Count - 1; i >= 0; i--)
            {
                if (deadlines[i].Ticks <= ticks)
                {
                    (due ??= []).Add(deadlines[i].Signal);
                    deadlines.RemoveAt(i);
                }
            }
        }

        foreach (var signal in due ?? [])
        {
            signal.TrySetResult();
        }
    }
}
