using ContinuousImprovement.Asl.Runtime;

namespace ContinuousImprovement.Local.Twin;

/// <summary>Handlers read the time the engine's virtual clock shows, so retries and days move both together.</summary>
public sealed class ClockTimeProvider(IClock clock) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => clock.Now;
}
