using ContinuousImprovement.Core.Manifests;
using ContinuousImprovement.Core.State;
using ContinuousImprovement.Core.Storage;
using ContinuousImprovement.Core.Training;
using ContinuousImprovement.Handlers.Contracts;
using ContinuousImprovement.Handlers.Invocation;
using ContinuousImprovement.Handlers.Settings;
using ContinuousImprovement.Handlers.State;

namespace ContinuousImprovement.Handlers.Training;

/// <summary>
/// The scheduled check: reads the settings and the system parameter once for the whole execution, lists the
/// labeled folder, fingerprints the set, and asks <see cref="TrainingCriteria"/> whether to train now, with what
/// <see cref="TrainingUnderWay"/> says of other trainings. When it is time, the execution claims the training in the
/// system parameter, so only one of several executions started together goes on.
/// </summary>
public sealed class CheckTraining(Ports ports) : IHandler<TrainingCheckRequest, TrainingCheck>
{
    public async ValueTask<TrainingCheck> HandleAsync(TrainingCheckRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var input = request.Input;
        var pollSeconds = input.PollSeconds ?? TrainingPolling.DefaultPollSeconds;
        var maxPolls = input.MaxPolls ?? TrainingPolling.DefaultMaxPolls;
        if (string.IsNullOrWhiteSpace(input.Bucket) || string.IsNullOrWhiteSpace(input.ProjectArn))
        {
            throw new HandlerException(HandlerErrors.InvalidInput, "The training input needs a bucket and a projectArn.");
        }

        if (pollSeconds is < 1 or > TrainingPolling.MaxPollSeconds || maxPolls is < 1 or > TrainingPolling.MaxMaxPolls)
        {
            throw new HandlerException(HandlerErrors.InvalidInput, $"pollSeconds must be 1 to {TrainingPolling.MaxPollSeconds} and maxPolls 1 to {TrainingPolling.MaxMaxPolls}; got {pollSeconds} and {maxPolls}.");
        }

        var inForce = await new SettingsReader(ports.Parameters, ports.Catalog).ReadAsync(cancellationToken).ConfigureAwait(false);
        var labeled = await LabeledSet.ListAsync(ports, input.Bucket, cancellationToken).ConfigureAwait(false);
        var fingerprint = LabeledSetFingerprint.Of(labeled.Entries.Select(e => e.Image.Key));
        var now = ports.Time.GetUtcNow();
        TrainingDecision Decide(SystemState state) => DecideOn(state, inForce, labeled.Entries.Count, fingerprint, now, request.Execution, input.Retry);
        var decision = Decide(inForce.State);
        if (decision.Train)
        {
            // The read above decides quickly; the claim decides for sure, on the state as it is under the lease: of two
            // executions started together (a schedule event delivered twice, a manual start) only one trains, and one
            // that checks after another has already trained on these images sees that training.
            await new SystemStateStore(ports).UpdateAsync(
                state =>
                {
                    decision = Decide(state);
                    return decision.Train ? TrainingUnderWay.Claim(state, now, request.Execution) : state;
                },
                cancellationToken).ConfigureAwait(false);
        }

        var skipped = decision.Train ? null : new TrainingOutcome(
            TrainingStatus.Skipped,
            $"not training: {decision.Reason}",
            new NotificationText(
                TrainingNotificationKinds.TrainingSkipped,
                "Training skipped",
                $"No model version was trained: {decision.Reason}. Labeled images: {labeled.Entries.Count}"
                + OtherFiles(labeled.Skipped.Count)));
        return new TrainingCheck(
            decision.Train,
            decision.Reason,
            input.Bucket,
            input.ProjectArn,
            request.StartedAt,
            pollSeconds,
            maxPolls,
            labeled.Entries.Count,
            fingerprint,
            labeled.Skipped.Count,
            inForce.Snapshot(),
            inForce.Parameters.Problems.Select(p => p.Message).ToList(),
            skipped,
            request.Execution);
    }

    private static TrainingDecision DecideOn(SystemState state, SettingsInForce inForce, int labeledCount, string fingerprint, DateTimeOffset now, string execution, bool retry)
    {
        var underWay = TrainingUnderWay.Other(state, now, execution);
        var decision = TrainingCriteria.Evaluate(new TrainingCriteriaInput(
            inForce.Operator.Training.Enabled,
            labeledCount,
            fingerprint,
            state.LastSuccessfulTraining?.LabeledImageCount,
            inForce.Operator.Training.MinimumUntrainedImages,
            underWay is not null,
            state.LastTrainingAttempt,
            retry));
        return underWay is not null && !decision.Train ? decision with { Reason = $"{decision.Reason} ({underWay})" } : decision;
    }

    private static string OtherFiles(int count) =>
        count == 0 ? "." : $" ({count} other files under {BucketLayout.LabeledImages} are not training images).";
}
