using ContinuousImprovement.Core.Manifests;
using ContinuousImprovement.Core.Storage;
using ContinuousImprovement.Core.Training;
using ContinuousImprovement.Handlers.Contracts;
using ContinuousImprovement.Handlers.Invocation;
using ContinuousImprovement.Handlers.Settings;

namespace ContinuousImprovement.Handlers.Training;

/// <summary>
/// The scheduled check: reads the settings and the system parameter once for the whole execution, lists the
/// labeled folder, fingerprints the set, and asks <see cref="TrainingCriteria"/> whether to train now. A candidate
/// older than <see cref="TrainingPolling.StaleCandidate"/> no longer counts as a training in progress.
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
        var state = inForce.State;
        var training = inForce.Operator.Training;
        var inProgress = state.Candidate is { } candidate && ports.Time.GetUtcNow() - candidate.StartedAt < TrainingPolling.StaleCandidate;
        var decision = TrainingCriteria.Evaluate(new TrainingCriteriaInput(
            training.Enabled,
            labeled.Entries.Count,
            fingerprint,
            state.LastSuccessfulTraining?.LabeledImageCount,
            training.MinimumUntrainedImages,
            inProgress,
            state.LastTrainingAttempt,
            input.Retry));

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
            skipped);
    }

    private static string OtherFiles(int count) =>
        count == 0 ? "." : $" ({count} other files under {BucketLayout.LabeledImages} are not training images).";
}
