using ContinuousImprovement.Core.Audit;
using Audit = ContinuousImprovement.Core.Audit.AuditSampling;

namespace ContinuousImprovement.Handlers.AuditSampling;

/// <summary>
/// One round's plan (<see cref="Audit.Plan"/> over one window of the log): the cursor as stored (null: none
/// yet; the compare-and-set expects it), the picks, the cursor to store when all are sent, and the figures for the
/// summary.
/// </summary>
/// <param name="More">The log read ended at its limit: another round may find more.</param>
/// <param name="LoopsLeft">Human-loop slots that were left today when the round began.</param>
public sealed record AuditPlanned(
    AuditCursor? Stored,
    AuditCursor Next,
    IReadOnlyList<AuditPickItem> Picks,
    int AlreadySent,
    int PassedOver,
    int Confident,
    int Interval,
    bool Deferred,
    bool More,
    int LoopsLeft,
    string Summary);
