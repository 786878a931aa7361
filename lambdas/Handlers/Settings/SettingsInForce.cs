using ContinuousImprovement.Core.Parameters;
using ContinuousImprovement.Core.Settings;
using ContinuousImprovement.Core.State;

namespace ContinuousImprovement.Handlers.Settings;

/// <summary>The operator values in force (after the last-good rule), their typed settings, and the system state read with them.</summary>
public sealed record SettingsInForce(ResolvedParameters Parameters, OperatorSettings Operator, SystemState State)
{
    /// <summary>The values in force in canonical form, small enough to travel in workflow state (see <see cref="SettingsSnapshot"/>).</summary>
    public IReadOnlyDictionary<string, string> Snapshot() =>
        Parameters.Values.ToDictionary(v => v.Key, v => v.Value.Canonical, StringComparer.Ordinal);
}
