namespace ContinuousImprovement.Host.Tests;

/// <summary>A clock stopped at one instant, so log timestamps and EMF timestamps can be asserted exactly.</summary>
public sealed class FixedTime(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now;
}
