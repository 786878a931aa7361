using ContinuousImprovement.Handlers.Invocation;
using ContinuousImprovement.Core.Training;
using ContinuousImprovement.Handlers.State;

namespace ContinuousImprovement.Handlers.Training;

/// <summary>
/// On a workflow error: the candidate this execution recorded is cleared and the attempt recorded as Failed (or, before
/// it recorded one, its claim on the training is given up), so a dead execution does not leave "training in progress"
/// behind to block later checks. Serving is not touched.
/// </summary>
public sealed class ReleaseCandidate(Ports ports) : IHandler<ReleaseCandidateRequest, CandidateReleased>
{
    public async ValueTask<CandidateReleased> HandleAsync(ReleaseCandidateRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var store = new SystemStateStore(ports);
        if (request.Progress.Candidate is not { } candidate)
        {
            if (request.Progress.Check is not { Train: true } check)
            {
                return new CandidateReleased(false, "no training was claimed");
            }

            var unclaimed = false;
            await store.UpdateAsync(
                state =>
                {
                    unclaimed = state.Claim?.Execution == check.Execution;
                    return TrainingUnderWay.Unclaim(state, check.Execution);
                },
                cancellationToken).ConfigureAwait(false);
            return new CandidateReleased(unclaimed, unclaimed ? "this execution's claim on the training was given up" : "no candidate was recorded");
        }

        var released = false;
        var now = ports.Time.GetUtcNow();
        await store.UpdateAsync(
            state =>
            {
                released = state.Candidate?.ProjectVersionArn == candidate.VersionArn;
                return released ? Attempts.End(state, candidate, TrainingAttemptOutcome.Failed, now) : state;
            },
            cancellationToken).ConfigureAwait(false);
        return new CandidateReleased(released, released ? $"candidate {candidate.VersionArn} cleared and its attempt recorded as failed" : $"candidate {candidate.VersionArn} was no longer recorded");
    }
}
