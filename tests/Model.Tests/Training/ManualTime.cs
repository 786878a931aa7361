namespace ContinuousImprovement.Local.Model.Tests.Training;

/// <summary>A clock the test moves by hand, so training and start times pass without waiting.</summary>
internal sealed class ManualTime(DateTimeOffset start) : TimeProvider
{
    public DateTimeOffset Now { get; private set; } = start;

    public void Advance(TimeSpan by) => Now += by;

    public override DateTimeOffset GetUtcNow() => Now;
}
