namespace ContinuousImprovement.Handlers.AuditSampling;

/// <summary>
/// Whether this execution audits (<paramref name="Reason"/> says why or why not), with the input's figures, the
/// operator values in force (see <see cref="Settings.SettingsSnapshot"/>) and the bad values that were replaced, and
/// the totals the first round starts from.
/// </summary>
public sealed record AuditSettingsLoaded(
    bool Enabled,
    string Reason,
    string Bucket,
    int MaxExamined,
    int MaxRounds,
    IReadOnlyDictionary<string, string> Values,
    IReadOnlyList<string> Problems,
    AuditTotals Totals);
