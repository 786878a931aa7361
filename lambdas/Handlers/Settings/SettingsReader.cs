using ContinuousImprovement.Core.Parameters;
using ContinuousImprovement.Core.Ports;
using ContinuousImprovement.Core.Settings;
using ContinuousImprovement.Core.State;
using ContinuousImprovement.Handlers.Invocation;
using ContinuousImprovement.Handlers.State;

namespace ContinuousImprovement.Handlers.Settings;

/// <summary>
/// Reads the operator settings in force: every parameter under the catalog prefix in one listing (the system
/// parameter included), then the last-good rule with the last good values the system parameter remembers.
/// Reads only: remembering new good values is the parameter workflow's job, since writing the system parameter
/// once per image would hit Parameter Store's write limits.
/// </summary>
public sealed class SettingsReader(IParameterStore store, ParameterCatalog catalog)
{
    /// <exception cref="HandlerException"><see cref="HandlerErrors.InvalidState"/> when the system parameter cannot be read.</exception>
    public async Task<SettingsInForce> ReadAsync(CancellationToken cancellationToken)
    {
        var stored = await store.GetByPathAsync(catalog.Prefix, cancellationToken).ConfigureAwait(false);
        var raw = new Dictionary<string, string?>(StringComparer.Ordinal);
        string? systemState = null;
        foreach (var parameter in stored)
        {
            if (!catalog.TryGetShortName(parameter.Name, out var name))
            {
                continue;
            }

            if (name == catalog.SystemParameter.Name)
            {
                systemState = parameter.Value;
            }
            else
            {
                raw[name] = parameter.Value;
            }
        }

        var state = SystemStateStore.Parse(catalog, systemState);
        var resolved = ParameterResolver.Resolve(catalog, raw, state.LastGoodParameters);
        return new SettingsInForce(resolved, OperatorSettings.From(resolved), state);
    }
}
