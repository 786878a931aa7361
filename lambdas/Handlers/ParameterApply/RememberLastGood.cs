using ContinuousImprovement.Handlers.Invocation;
using ContinuousImprovement.Handlers.Settings;
using ContinuousImprovement.Handlers.State;

namespace ContinuousImprovement.Handlers.ParameterApply;

/// <summary>
/// Stores the last good values in the system parameter, changing nothing else in it. They are worked out again from
/// the parameters as stored now, under the system parameter's lease (see <see cref="SystemStateStore"/>): changes
/// applied at the same moment each remember the newest values, never one execution's older view over another's, and
/// a serving version a deploy switches meanwhile is kept. Nothing is written when the values are already remembered,
/// e.g. for the change a restore makes.
/// </summary>
public sealed class RememberLastGood(Ports ports) : IHandler<ChangeRequest, LastGoodRemembered>
{
    public async ValueTask<LastGoodRemembered> HandleAsync(ChangeRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var changed = false;
        await new SystemStateStore(ports).UpdateAsync(
            async (state, token) =>
            {
                var inForce = await new SettingsReader(ports.Parameters, ports.Catalog).ReadAsync(token).ConfigureAwait(false);
                var lastGood = new SortedDictionary<string, string>(inForce.Parameters.LastGood.ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal), StringComparer.Ordinal);
                changed = !Same(state.LastGoodParameters, lastGood);
                return changed ? state with { LastGoodParameters = lastGood } : state;
            },
            cancellationToken).ConfigureAwait(false);
        return new LastGoodRemembered(changed);
    }

    private static bool Same(IReadOnlyDictionary<string, string> a, SortedDictionary<string, string> b) =>
        a.Count == b.Count && a.All(p => b.TryGetValue(p.Key, out var v) && v == p.Value);
}
