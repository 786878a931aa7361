using ContinuousImprovement.Core.Parameters;
using ContinuousImprovement.Core.Settings;
using ContinuousImprovement.Handlers.Invocation;

namespace ContinuousImprovement.Handlers.Settings;

/// <summary>
/// The settings in force as workflow state carries them: canonical values by parameter name, read once when an
/// execution starts, so every step of one image works with the same settings and Parameter Store is read once
/// per image, not once per step.
/// </summary>
public static class SettingsSnapshot
{
    /// <summary>
    /// The typed settings of a snapshot. The values go through the same last-good rule as stored ones (each is
    /// its own last good value), so a hand-edited or truncated snapshot falls back to catalog defaults instead of
    /// failing.
    /// </summary>
    public static OperatorSettings Read(ParameterCatalog catalog, IReadOnlyDictionary<string, string>? snapshot)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        if (snapshot is null)
        {
            throw new HandlerException(HandlerErrors.InvalidInput, "The request carries no settings snapshot; the workflow passes the one its load-settings step read.");
        }

        var raw = snapshot.ToDictionary(v => v.Key, v => (string?)v.Value, StringComparer.Ordinal);
        return OperatorSettings.From(ParameterResolver.Resolve(catalog, raw, snapshot));
    }
}
