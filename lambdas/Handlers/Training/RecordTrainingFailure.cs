using ContinuousImprovement.Handlers.Invocation;
using ContinuousImprovement.Core.Training;
using ContinuousImprovement.Handlers.Contracts;
using ContinuousImprovement.Handlers.State;

namespace ContinuousImprovement.Handlers.Training;

/// <summary>
/// Training failed (or never finished within the polls): the attempt is recorded as Failed with its labeled set,
/// so the next scheduled check does not train the same set again until labels change or an operator retries, and
/// the candidate is cleared. The serving model is untouched.
/// </summary>
public sealed class RecordTrainingFailure(Ports ports) : IHandler<TrainingEndRequest, TrainingOutcome>
{
    public async ValueTask<TrainingOutcome> HandleAsync(TrainingEndRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var candidate = request.Candidate;
        var poll = request.Training;
        var now = ports.Time.GetUtcNow();
        var state = await new SystemStateStore(ports).UpdateAsync(
            s => Attempts.End(s, candidate, TrainingAttemptOutcome.Failed, now),
            cancellationToken).ConfigureAwait(false);

        var why = poll.Outcome == TrainingPoll.TimedOut
            ? $"it was still {poll.Status} after {poll.Polls} polls {request.Check.PollSeconds} s apart; the workflow stopped waiting"
            : $"Rekognition reports {poll.Status}: {poll.StatusMessage ?? "no status message"}";
        var serving = state.Serving is { } s2 ? $"{s2.ProjectVersionArn} keeps serving." : "No model is serving yet.";
        return new TrainingOutcome(
            TrainingStatus.TrainingFailed,
            $"training of {candidate.VersionArn} failed: {why}",
            new NotificationText(
                TrainingNotificationKinds.TrainingFailed,
                $"Training failed: {candidate.VersionName}",
                $"Model version {candidate.VersionArn} did not train: {why}. {serving} The same {TrainingText.Images(candidate.LabeledCount)} will not be trained again until labels change or an operator asks for a retry."));
    }
}
