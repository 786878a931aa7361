using ContinuousImprovement.Core.State;

namespace ContinuousImprovement.Core.Training;

/// <summary>
/// Whether another training is under way, from the system parameter: a version being trained or started (the
/// candidate), or an execution that passed the check and is creating one (the claim). Either one counts only while it
/// is fresh, so what a dead execution left behind stops blocking training after a while.
/// </summary>
public static class TrainingUnderWay
{
    /// <summary>
    /// A candidate older than this is taken as left behind by an execution that died without cleaning up (even its
    /// failure path could not write the system parameter). Training and starting a version take far less.
    /// </summary>
    public static readonly TimeSpan StaleCandidate = TimeSpan.FromHours(48);

    /// <summary>Writing the manifests and asking for a version takes minutes; a claim older than this was left behind.</summary>
    public static readonly TimeSpan StaleClaim = TimeSpan.FromHours(1);

    /// <summary>What is under way at <paramref name="now"/> other than <paramref name="execution"/>'s own claim, in words; null when nothing is.</summary>
    public static string? Other(SystemState state, DateTimeOffset now, string execution)
    {
        ArgumentNullException.ThrowIfNull(state);
        if (state.Candidate is { } candidate && now - candidate.StartedAt < StaleCandidate)
        {
            return $"version {candidate.ProjectVersionArn} is {candidate.Status} since {candidate.StartedAt:u}";
        }

        return state.Claim is { } claim && claim.Execution != execution && now - claim.At < StaleClaim
            ? $"execution {claim.Execution} passed its check at {claim.At:u} and is creating a version"
            : null;
    }

    /// <summary>The state with <paramref name="execution"/>'s claim, unless another training is under way (then unchanged).</summary>
    public static SystemState Claim(SystemState state, DateTimeOffset now, string execution) =>
        Other(state, now, execution) is null ? state with { Claim = new TrainingClaim(execution, now) } : state;

    /// <summary>The state without <paramref name="execution"/>'s claim (another execution's stays).</summary>
    public static SystemState Unclaim(SystemState state, string execution)
    {
        ArgumentNullException.ThrowIfNull(state);
        return state.Claim?.Execution == execution ? state with { Claim = null } : state;
    }
}
