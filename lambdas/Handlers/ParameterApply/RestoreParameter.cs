using ContinuousImprovement.Handlers.Invocation;

namespace ContinuousImprovement.Handlers.ParameterApply;

/// <summary>
/// Writes the value in force (last good, else the default) back over a bad or deleted one, so Parameter Store
/// shows what the system really uses. Its own change event is then checked like any other: the value is good.
/// </summary>
public sealed class RestoreParameter(Ports ports) : IHandler<ChangeRequest, ParameterOutcome>
{
    public async ValueTask<ParameterOutcome> HandleAsync(ChangeRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var change = request.Change;
        if (change.Action != ChangeActions.Restore || change.Name is null || change.Value is null)
        {
            throw new HandlerException(HandlerErrors.InvalidInput, $"Only a restore with a name and a value can be restored; got {change.Action} for {change.Name}.");
        }

        var version = await ports.Parameters.PutAsync(ports.Catalog.FullName(change.Name), change.Value, cancellationToken).ConfigureAwait(false);
        return new ParameterOutcome("restored", $"{change.Name} restored to '{change.Value}' (version {version}): {change.Reason}", change.Notification);
    }
}
