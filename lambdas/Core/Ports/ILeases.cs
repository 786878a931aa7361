namespace ContinuousImprovement.Core.Ports;

/// <summary>
/// Named leases, each held by at most one holder at a time until it expires, so a holder that died blocks the others
/// only until then. They serialize the read-modify-writes of the system parameter, which several workflows change
/// and Parameter Store cannot change conditionally (DynamoDB conditional writes on AWS, an embedded store in the twin).
/// </summary>
public interface ILeases
{
    /// <summary>
    /// Takes lease <paramref name="name"/> for <paramref name="holder"/> until <paramref name="until"/> when no other
    /// holder's lease runs past <paramref name="now"/> (it is free, expired, or already this holder's, which extends
    /// it); false when another holder has it.
    /// </summary>
    Task<bool> TryAcquireAsync(string name, string holder, DateTimeOffset now, DateTimeOffset until, CancellationToken cancellationToken);

    /// <summary>Gives the lease back when <paramref name="holder"/> still has it; otherwise (it expired and was taken) does nothing.</summary>
    Task ReleaseAsync(string name, string holder, CancellationToken cancellationToken);
}
