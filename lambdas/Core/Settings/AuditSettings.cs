namespace ContinuousImprovement.Core.Settings;

/// <summary>The audit sampling schedule: every N-th confident detection also goes to a human.</summary>
public sealed record AuditSettings(bool Enabled, TimeSpan RunEvery, int Interval);
