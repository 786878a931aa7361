using ContinuousImprovement.Handlers.Invocation;
using ContinuousImprovement.Core.Training;

namespace ContinuousImprovement.Handlers.Training;

/// <summary>
/// On a workflow error: the candidate this execution recorded is cleared and the attempt recorded as Failed, so a
/// dead execution does not leave "training in progress" behind to block every later check. Serving is not touched.
/// </summary>
public sealed class ReleaseCandidate(Ports ports) : IHandler<ReleaseCandidateRequest, CandidateReleased>
{
    public async ValueTask<CandidateReleased> HandleAsync(ReleaseCandidateRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Progress.Candidate is not { } candidate)
        {
            return new CandidateReleased(false, "no candidate was recorded");
        }

        var released = false;
        var now = ports.Time.GetUtcNow();
        await new SystemStateStore(ports).UpdateAsync(
            state =>
            {
                released = state.Candidate?.ProjectVersionArn == candidate.VersionArn;
                return released ? Attempts.End(state, candidate, TrainingAttemptOutcome.Failed, now) : state;
            },
            cancellationToken).ConfigureAwait(false);
        return new CandidateReleased(released, released ? $"candidate {candidate.VersionArn} cleared and its attempt recorded as failed" : $"candidate {candidate.VersionArn} was no longer recorded");
    }
}
