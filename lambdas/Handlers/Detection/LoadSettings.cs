using ContinuousImprovement.Handlers.Invocation;
using ContinuousImprovement.Handlers.Settings;

namespace ContinuousImprovement.Handlers.Detection;

/// <summary>
/// Reads the settings this image is handled with: which model version serves (from the system parameter) and
/// the operator values in force, bad values replaced by their last good ones.
/// </summary>
public sealed class LoadSettings(Ports ports) : IHandler<LoadSettingsRequest, SettingsLoaded>
{
    public async ValueTask<SettingsLoaded> HandleAsync(LoadSettingsRequest request, CancellationToken cancellationToken)
    {
        var inForce = await new SettingsReader(ports.Parameters, ports.Catalog).ReadAsync(cancellationToken).ConfigureAwait(false);
        return new SettingsLoaded(
            inForce.State.Serving?.ProjectVersionArn,
            inForce.Snapshot(),
            inForce.Parameters.Problems.Select(p => p.Message).ToList());
    }
}
