using ContinuousImprovement.Core.Audit;
using Audit = ContinuousImprovement.Core.Audit.AuditSampling;
using ContinuousImprovement.Handlers.Invocation;

namespace ContinuousImprovement.Handlers.AuditSampling;

/// <summary>
/// Ends a round: stores the cursor <see cref="Audit.CursorAfter"/> the picks (compare-and-set from the value
/// the plan read), adds the round to the totals and says whether another round follows; after the last one, the
/// summary and the notification. A cursor another run moved meanwhile stands, and ends the execution.
/// </summary>
public sealed class FinishAuditRound(Ports ports) : IHandler<FinishRoundRequest, AuditTotals>
{
    public async ValueTask<AuditTotals> HandleAsync(FinishRoundRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var plan = request.Plan;
        var outcomes = request.Sent.GroupBy(o => o.SequenceNumber).ToDictionary(g => g.Key, g => g.Last());
        var tried = plan.Picks.Select(p => (p.ToPick(), outcomes.TryGetValue(p.SequenceNumber, out var o) && o.Status is not (AuditPickStatus.Capped or AuditPickStatus.ReviewWanted)));
        var target = Audit.CursorAfter(plan.Next, tried);
        var (moved, stored) = await MoveAsync(plan.Stored, target, cancellationToken).ConfigureAwait(false);

        var sent = outcomes.Values.ToList();
        var before = request.Totals;
        var started = sent.Where(o => o.Status == AuditPickStatus.ReviewStarted).ToList();
        var capped = sent.Count(o => o.Status is AuditPickStatus.Capped or AuditPickStatus.ReviewWanted);
        var totals = before with
        {
            Rounds = before.Rounds + 1,
            Confident = before.Confident + plan.Confident,
            Started = before.Started + started.Count,
            AlreadyInReview = before.AlreadyInReview + sent.Count(o => o.Status == AuditPickStatus.AlreadyInReview),
            AlreadySent = before.AlreadySent + plan.AlreadySent,
            Gone = before.Gone + sent.Count(o => o.Status == AuditPickStatus.Gone),
            Capped = before.Capped + capped,
            PassedOver = before.PassedOver + plan.PassedOver,
            Deferred = before.Deferred || plan.Deferred || capped > 0,
            CursorTaken = !moved,
            Cursor = stored,
            StartedLoops = [.. before.StartedLoops, .. started.Select(AuditText.Loop).Take(Math.Max(0, AuditTotals.MaxListed - before.StartedLoops.Count))],
        };

        // Only a round that moved the cursor forward earns another: a window of nothing but unwritten numbers would
        // otherwise be read again and again.
        var progressed = moved && target.LastSequence > (plan.Stored?.LastSequence ?? 0);
        var again = progressed && plan.More && !totals.Deferred && totals.Rounds < request.MaxRounds;
        totals = totals with { Again = again, Summary = AuditText.Summary(totals) };
        return again ? totals with { Notification = null } : totals with { Notification = AuditText.Notification(totals, plan.Interval) };
    }

    // Whether the cursor now stands where this round put it, and where it stands. A retried step finds its own
    // earlier move stored: that counts as moved, not as another run's.
    private async Task<(bool Moved, AuditCursor? Stored)> MoveAsync(AuditCursor? stored, AuditCursor target, CancellationToken cancellationToken)
    {
        if (stored == target || await ports.Inferences.TryMoveAuditCursorAsync(stored, target, cancellationToken).ConfigureAwait(false))
        {
            return (true, target);
        }

        var current = await ports.Inferences.AuditCursorAsync(cancellationToken).ConfigureAwait(false);
        return (current == target, current);
    }
}
