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
        var candidate = request.Progress.Candidate;
        var execution = request.Progress.Check is { Train: true } check ? check.Execution : null;
        if (candidate is null && execution is null)
        {
            return new CandidateReleased(false, "no training was claimed");
        }

        // The claim goes whatever happened after it: the version may have been created but never recorded.
        var released = false;
        var unclaimed = false;
        var now = ports.Time.GetUtcNow();
        await new SystemStateStore(ports).UpdateAsync(
            state =>
            {
                unclaimed = execution is not null && state.Claim?.Execution == execution;
                var after = execution is null ? state : TrainingUnderWay.Unclaim(state, execution);
                released = candidate is not null && after.Candidate?.ProjectVersionArn == candidate.VersionArn;
                return released ? Attempts.End(after, candidate!, TrainingAttemptOutcome.Failed, now) : after;
            },
            cancellationToken).ConfigureAwait(false);
        return new CandidateReleased(released || unclaimed, (released, unclaimed, candidate) switch
        {
            (true, _, _) => $"candidate {candidate!.VersionArn} cleared and its attempt recorded as failed",
            (_, true, null) => "this execution's claim on the training was given up",
            (_, true, _) => $"this execution's claim on the training was given up (version {candidate.VersionArn} was created but never recorded)",
            (_, _, null) => "no candidate was recorded",
            _ => $"candidate {candidate.VersionArn} was no longer recorded",
        });
    }
}
