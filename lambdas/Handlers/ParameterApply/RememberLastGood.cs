using ContinuousImprovement.Core.State;
using ContinuousImprovement.Handlers.Invocation;

namespace ContinuousImprovement.Handlers.ParameterApply;

/// <summary>
/// Stores the new last good values in the system parameter, changing nothing else in it (it is read just
/// before the write, so a serving version another workflow wrote meanwhile is kept). Nothing is written when the
/// values are already remembered, e.g. for the change a restore makes.
/// </summary>
public sealed class RememberLastGood(Ports ports) : IHandler<ChangeRequest, LastGoodRemembered>
{
    public async ValueTask<LastGoodRemembered> HandleAsync(ChangeRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var lastGood = request.Change.LastGood
            ?? throw new HandlerException(HandlerErrors.InvalidInput, "An applied change carries the last good values to remember under 'lastGood'.");
        var name = ports.Catalog.FullName(ports.Catalog.SystemParameter.Name);
        var stored = await ports.Parameters.GetAsync(name, cancellationToken).ConfigureAwait(false);
        var state = SystemState.Initial;
        if (stored is not null)
        {
            var read = SystemStateDocument.Parse(stored.Value);
            state = read.State ?? throw new HandlerException(HandlerErrors.InvalidState, $"The system parameter {name} cannot be read, so the last good values were not stored: {read.Error}");
        }

        if (Same(state.LastGoodParameters, lastGood))
        {
            return new LastGoodRemembered(false, stored?.Version);
        }

        var sorted = new SortedDictionary<string, string>(lastGood.ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal), StringComparer.Ordinal);
        var version = await ports.Parameters.PutAsync(name, SystemStateDocument.Serialize(state with { LastGoodParameters = sorted }), cancellationToken).ConfigureAwait(false);
        return new LastGoodRemembered(true, version);
    }

    private static bool Same(IReadOnlyDictionary<string, string> a, IReadOnlyDictionary<string, string> b) =>
        a.Count == b.Count && a.All(p => b.TryGetValue(p.Key, out var v) && v == p.Value);
}
