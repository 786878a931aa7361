using ContinuousImprovement.Core.Audit;
using Audit = ContinuousImprovement.Core.Audit.AuditSampling;
using ContinuousImprovement.Core.Ports;
using ContinuousImprovement.Handlers.Contracts;
using ContinuousImprovement.Handlers.Invocation;
using ContinuousImprovement.Handlers.Settings;

namespace ContinuousImprovement.Handlers.AuditSampling;

/// <summary>
/// Plans one round (<see cref="Audit.Plan"/>) over the confident detections after the stored cursor that
/// have settled, with today's remaining slots. Reads only, so a retry plans the same round.
/// </summary>
public sealed class PlanAudit(Ports ports) : IHandler<PlanAuditRequest, AuditPlanned>
{
    public async ValueTask<AuditPlanned> HandleAsync(PlanAuditRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var settings = SettingsSnapshot.Read(ports.Catalog, request.Settings);
        var now = ports.Time.GetUtcNow();
        var stored = await ports.Inferences.AuditCursorAsync(cancellationToken).ConfigureAwait(false);
        var taken = await ports.Inferences.HumanLoopsOnAsync(DateOnly.FromDateTime(now.UtcDateTime), cancellationToken).ConfigureAwait(false);
        var left = Math.Max(0, settings.Sampling.MaxHumanLoopsPerDay - taken);
        var cursor = stored ?? AuditCursor.Start;
        var read = await ports.Inferences.ConfidentDetectionsAsync(cursor.LastSequence, settings.Sampling.MinimumLabelDetectionConfidence, Audit.SettledBefore(now), request.MaxExamined, cancellationToken).ConfigureAwait(false);
        var plan = PlanOrExplain(cursor, read, settings.Audit.Interval, left);
        var byNumber = read.Detections.ToDictionary(d => d.SequenceNumber);
        var picks = plan.Picks.Select(p => Item(p, byNumber[p.Detection.Sequence])).ToList();
        return new AuditPlanned(stored, plan.Next, picks, plan.AlreadySent.Count, plan.PassedOver.Count, plan.Confident, settings.Audit.Interval, plan.Deferred, read.More && !plan.Deferred, left, plan.Summary);
    }

    // The log's answer breaking Core's preconditions (out of order, before the cursor) is stored state gone wrong.
    private static AuditPlan PlanOrExplain(AuditCursor cursor, ConfidentDetections read, int interval, int left)
    {
        try
        {
            var candidates = read.Detections.Select(d => new AuditCandidate(d.SequenceNumber, d.Record.ImageKey, d.Audited, d.Record.HumanLabel is not null)).ToList();
            return Audit.Plan(cursor, candidates, read.ExaminedThrough, interval, left);
        }
        catch (ArgumentException e)
        {
            throw new HandlerException(HandlerErrors.InvalidState, $"The inference log's audit cursor or detections cannot be planned from: {e.Message}", e);
        }
    }

    private static AuditPickItem Item(AuditPick pick, LoggedInference logged) => new(
        pick.Detection.Sequence,
        logged.Record.ImageKey,
        logged.Record.ModelVersionArn,
        PredictionResult.From(logged.Record.Prediction),
        logged.Record.Reasons,
        pick.Counted,
        pick.ResumeBefore,
        pick.Reason);
}
