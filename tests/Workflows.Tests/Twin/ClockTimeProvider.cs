using ContinuousImprovement.Asl.Runtime;

namespace ContinuousImprovement.Workflows.Tests.Twin;

/// <summary>Handlers read the time the engine's virtual clock shows, so retries and days move both together.</summary>
internal sealed class ClockTimeProvider(IClock clock) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => clock.Now;
}
