using ContinuousImprovement.Core.Ports;

namespace ContinuousImprovement.Handlers.ParameterApply;

/// <summary>A schedule as workflow state carries it: its name, on or off, and its period in whole minutes.</summary>
public sealed record ScheduleRequest(string Name, bool Enabled, long EveryMinutes)
{
    public ScheduleSetting ToSetting() => new(Name, Enabled, TimeSpan.FromMinutes(EveryMinutes));
}
