using ContinuousImprovement.Handlers.Contracts;

namespace ContinuousImprovement.Handlers.AuditSampling;

/// <summary>
/// The audit execution's state as far as it got: the settings, the totals of finished rounds, the current round's
/// plan, and the caught error. Every part is optional, since a failure can come at any step.
/// </summary>
public sealed record AuditProgress(
    AuditSettingsLoaded? Settings = null,
    AuditTotals? Totals = null,
    AuditPlanned? Plan = null,
    ErrorInfo? Failure = null);
