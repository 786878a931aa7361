using ContinuousImprovement.Core.Ports;
using ContinuousImprovement.Core.State;
using ContinuousImprovement.Handlers.Invocation;

namespace ContinuousImprovement.Handlers.Training;

/// <summary>
/// Reads and writes the system parameter for the training steps. Each step re-reads it just before writing, so it
/// changes only the fields it owns and keeps what other workflows wrote meanwhile (last good values, counters).
/// </summary>
internal sealed class SystemStateStore(Ports ports)
{
    private string Name => ports.Catalog.FullName(ports.Catalog.SystemParameter.Name);

    /// <exception cref="HandlerException"><see cref="HandlerErrors.InvalidState"/> when the stored state cannot be read.</exception>
    public async Task<SystemState> ReadAsync(CancellationToken cancellationToken)
    {
        var stored = await ports.Parameters.GetAsync(Name, cancellationToken).ConfigureAwait(false);
        if (stored is null)
        {
            return SystemState.Initial;
        }

        var read = SystemStateDocument.Parse(stored.Value);
        return read.State ?? throw new HandlerException(HandlerErrors.InvalidState, $"The system parameter {Name} cannot be read, so it is unknown which model serves: {read.Error}");
    }

    /// <summary>Applies <paramref name="change"/> to the state as stored now and writes it back (nothing is written when it changes nothing).</summary>
    public async Task<SystemState> UpdateAsync(Func<SystemState, SystemState> change, CancellationToken cancellationToken)
    {
        var before = await ReadAsync(cancellationToken).ConfigureAwait(false);
        var after = change(before);
        var json = SystemStateDocument.Serialize(after);
        if (json != SystemStateDocument.Serialize(before))
        {
            await ports.Parameters.PutAsync(Name, json, cancellationToken).ConfigureAwait(false);
        }

        return after;
    }

    public static IModelTraining Training(Ports ports) =>
        ports.Training ?? throw new HandlerException(HandlerErrors.InvalidState, "No model training port is configured: the training workflow's handlers need one.");
}
