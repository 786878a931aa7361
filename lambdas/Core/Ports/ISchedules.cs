namespace ContinuousImprovement.Core.Ports;

/// <summary>A recurring trigger (training check, audit sampling, digest): on or off, and how often.</summary>
public sealed record ScheduleSetting(string Name, bool Enabled, TimeSpan Every);

/// <summary>The schedules operators re-time through parameters (EventBridge rules on AWS, the twin's scheduler locally).</summary>
public interface ISchedules
{
    Task<ScheduleSetting?> GetAsync(string name, CancellationToken cancellationToken);

    Task ApplyAsync(ScheduleSetting setting, CancellationToken cancellationToken);
}
