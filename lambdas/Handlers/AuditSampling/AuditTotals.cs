using ContinuousImprovement.Core.Audit;
using ContinuousImprovement.Handlers.Contracts;

namespace ContinuousImprovement.Handlers.AuditSampling;

/// <summary>
/// What the execution's finished rounds did, added up: confident detections counted, picks by outcome, where the
/// cursor stands, whether another round follows, and (after the last round) the summary and the notification to send
/// (null: nothing to say, e.g. no new detection).
/// </summary>
/// <param name="AlreadySent">Picks an earlier, failed run had already sent: no second loop.</param>
/// <param name="Capped">Picks that got no human-loop slot (the daily cap).</param>
/// <param name="Deferred">The daily cap stopped the audit before the end of what it read.</param>
/// <param name="CursorTaken">Another audit run moved the cursor meanwhile; its position stands.</param>
/// <param name="StartedLoops">"loop name (image key)" of the loops started, the first <see cref="MaxListed"/>.</param>
public sealed record AuditTotals(
    int Rounds,
    int Confident,
    int Started,
    int AlreadyInReview,
    int AlreadySent,
    int Gone,
    int Capped,
    int PassedOver,
    bool Deferred,
    bool CursorTaken,
    AuditCursor? Cursor,
    IReadOnlyList<string> StartedLoops,
    bool Again,
    string Summary,
    NotificationText? Notification)
{
    /// <summary>Loops named in a notification at most; the rest are counted.</summary>
    public const int MaxListed = 20;

    /// <summary>Before the first round.</summary>
    public static AuditTotals None { get; } = new(0, 0, 0, 0, 0, 0, 0, 0, false, false, null, [], false, "", null);
}
