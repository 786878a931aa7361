using ContinuousImprovement.Core.Ports;

namespace ContinuousImprovement.Local.Adapters;

/// <summary>One schedule as the file holds it.</summary>
internal sealed record ScheduleEntry(bool Enabled, long EveryMinutes)
{
    public ScheduleSetting ToSetting(string name) => new(name, Enabled, TimeSpan.FromMinutes(EveryMinutes));
}
