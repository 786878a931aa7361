using ContinuousImprovement.Core.Text;
using ContinuousImprovement.Handlers.Invocation;
using ContinuousImprovement.Handlers.Settings;

namespace ContinuousImprovement.Handlers.OperationsDigest;

/// <summary>
/// Checks the input and reads, once for the whole execution, the operator settings in force and the serving version
/// from the system parameter.
/// </summary>
public sealed class LoadOperationsSettings(Ports ports) : IHandler<LoadOperationsSettingsRequest, OperationsSettingsLoaded>
{
    public async ValueTask<OperationsSettingsLoaded> HandleAsync(LoadOperationsSettingsRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var input = request.Input ?? throw new HandlerException(HandlerErrors.InvalidInput, "The operations-digest input is missing; the digest schedule sends {\"bucket\": …}.");
        if (string.IsNullOrWhiteSpace(input.Bucket))
        {
            throw new HandlerException(HandlerErrors.InvalidInput, $"The operations-digest input needs the deployment's bucket; got {Printable.Quote(input.Bucket)}.");
        }

        if (string.IsNullOrWhiteSpace(request.DigestId))
        {
            throw new HandlerException(HandlerErrors.InvalidInput, "The digest needs an id: the workflow passes its execution's name.");
        }

        var inForce = await new SettingsReader(ports.Parameters, ports.Catalog).ReadAsync(cancellationToken).ConfigureAwait(false);
        return new OperationsSettingsLoaded(
            input.Bucket,
            request.DigestId,
            inForce.Snapshot(),
            inForce.Parameters.Problems.Select(p => p.Message).ToList(),
            inForce.State.Serving);
    }
}
