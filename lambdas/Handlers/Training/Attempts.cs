using ContinuousImprovement.Core.State;
using ContinuousImprovement.Core.Training;

namespace ContinuousImprovement.Handlers.Training;

/// <summary>How a training attempt that did not deploy ends in the system parameter.</summary>
internal static class Attempts
{
    /// <summary>Records the attempt on the candidate's labeled set and clears the candidate if it is this one.</summary>
    public static SystemState End(SystemState state, CandidateCreated candidate, TrainingAttemptOutcome outcome, DateTimeOffset at) => state with
    {
        Candidate = state.Candidate?.ProjectVersionArn == candidate.VersionArn ? null : state.Candidate,
        LastTrainingAttempt = new LastTrainingAttempt(candidate.Fingerprint, outcome, at),
    };
}
