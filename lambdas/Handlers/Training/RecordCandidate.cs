using ContinuousImprovement.Core.State;
using ContinuousImprovement.Core.Training;
using ContinuousImprovement.Handlers.Contracts;
using ContinuousImprovement.Handlers.Invocation;
using ContinuousImprovement.Handlers.State;

namespace ContinuousImprovement.Handlers.Training;

/// <summary>
/// Records the version being trained as the system parameter's candidate in place of this execution's claim (so the
/// next scheduled check sees a training in progress) and says training started. Recording the same candidate twice counts one training.
/// </summary>
public sealed class RecordCandidate(Ports ports) : IHandler<CandidateRequest, TrainingOutcome>
{
    public const string TrainingInProgress = "TRAINING_IN_PROGRESS";

    public async ValueTask<TrainingOutcome> HandleAsync(CandidateRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var candidate = request.Candidate;
        var now = ports.Time.GetUtcNow();
        await new SystemStateStore(ports).UpdateAsync(
            state => state.Candidate?.ProjectVersionArn == candidate.VersionArn ? state : TrainingUnderWay.Unclaim(state, request.Check.Execution) with
            {
                Candidate = new CandidateVersion(candidate.VersionArn, TrainingInProgress, now, candidate.Fingerprint, candidate.LabeledCount, null),
                Counters = state.Counters with { Trainings = state.Counters.Trainings + 1 },
            },
            cancellationToken).ConfigureAwait(false);

        var warnings = candidate.Warnings.Count == 0 ? "" : $"\nWarnings: {string.Join("; ", candidate.Warnings)}.";
        return new TrainingOutcome(
            TrainingStatus.Started,
            $"training {candidate.VersionArn}",
            new NotificationText(
                TrainingNotificationKinds.TrainingStarted,
                $"Training started: {candidate.VersionName}",
                $"Model version {candidate.VersionArn} is training on {TrainingText.Images(candidate.LabeledCount)} ({candidate.TrainImages} to train, {candidate.TestImages} to test; "
                + $"manifests {candidate.TrainingManifest} and {candidate.TestManifest}). Why now: {request.Check.Reason}.{warnings}"));
    }
}
