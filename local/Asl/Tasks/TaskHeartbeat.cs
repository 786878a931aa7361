using ContinuousImprovement.Asl.Runtime;

namespace ContinuousImprovement.Asl.Tasks;

/// <summary>The heartbeat of one running task: when the next one is due on the engine's clock.</summary>
public sealed class TaskHeartbeat
{
    private readonly IClock clock;
    private long dueTicks;

    internal TaskHeartbeat(IClock clock, TimeSpan interval)
    {
        this.clock = clock;
        Interval = interval;
        dueTicks = (clock.Now + interval).UtcTicks;
    }

    public TimeSpan Interval { get; }

    internal DateTimeOffset Due => new(Interlocked.Read(ref dueTicks), TimeSpan.Zero);

    /// <summary>The task is alive: the next heartbeat is due one interval from now.</summary>
    public void Beat() => Interlocked.Exchange(ref dueTicks, (clock.Now + Interval).UtcTicks);
}
