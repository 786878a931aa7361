using ContinuousImprovement.Handlers.Contracts;

namespace ContinuousImprovement.Handlers.ParameterApply;

/// <summary>
/// One parameter change checked against the catalog: the <see cref="ChangeActions"/> to take and why.
/// </summary>
/// <param name="Name">The short name (e.g. <c>Minimum-F1-Score</c>), null when the event names none of ours.</param>
/// <param name="Value">The value in force after the check: the new one when good, else the one to restore.</param>
/// <param name="Schedule">For apply: the schedule the change re-applies, with the values in force; null when none.</param>
/// <param name="Notification">For notify and restore: what the operator is told.</param>
public sealed record ParameterChange(
    string Action,
    string? Name,
    string? Operation,
    string Reason,
    string? Value,
    ScheduleRequest? Schedule,
    NotificationText? Notification);
