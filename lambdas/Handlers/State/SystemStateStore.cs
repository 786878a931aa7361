using ContinuousImprovement.Core.Parameters;
using ContinuousImprovement.Core.Ports;
using ContinuousImprovement.Core.State;
using ContinuousImprovement.Handlers.Invocation;
using ContinuousImprovement.Handlers.Notifications;

namespace ContinuousImprovement.Handlers.State;

/// <summary>
/// Reads and changes the system parameter, which the training and parameter-apply workflows both change and
/// Parameter Store cannot write conditionally. A change is a read-modify-write made while holding the lease
/// <see cref="LeaseName"/>, so no other writer's read-modify-write comes between its read and its write (that
/// would put back the fields the other one had just changed: a parameter change applied during a deploy could
/// restore the old serving version). The write says which version it replaces; should anything write between the
/// two anyway (an operator by hand, or a writer stalled past its lease), our write stands and the operator is told
/// that the other one was replaced.
/// </summary>
public sealed class SystemStateStore(Ports ports, TimeSpan? leaseWait = null)
{
    /// <summary>The lease every writer of the system parameter takes.</summary>
    public const string LeaseName = "system-parameter";

    /// <summary>Far longer than a read and a write take, short enough that a writer that died blocks others briefly.</summary>
    public static readonly TimeSpan LeaseTime = TimeSpan.FromSeconds(60);

    /// <summary>
    /// How long a change waits for the lease before it fails with a retryable error, unless the constructor says
    /// otherwise. With the workflows' retries that outlasts <see cref="LeaseTime"/>, and it stays well inside the
    /// functions' 60 s timeout.
    /// </summary>
    public static readonly TimeSpan LeaseWait = TimeSpan.FromSeconds(20);

    private readonly TimeSpan leaseWait = leaseWait ?? LeaseWait;

    private string Name => ports.Catalog.FullName(ports.Catalog.SystemParameter.Name);

    /// <exception cref="HandlerException"><see cref="HandlerErrors.InvalidState"/> when the stored state cannot be read.</exception>
    public async Task<SystemState> ReadAsync(CancellationToken cancellationToken) =>
        Parse(await ports.Parameters.GetAsync(Name, cancellationToken).ConfigureAwait(false));

    /// <summary>
    /// Applies <paramref name="change"/> to the state as stored now and writes it back under the lease (nothing is
    /// written when it changes nothing). Returns the state in force afterwards.
    /// </summary>
    /// <exception cref="PortException"><see cref="PortFailure.Throttled"/> when another writer keeps the lease longer than <see cref="LeaseWait"/>.</exception>
    public Task<SystemState> UpdateAsync(Func<SystemState, SystemState> change, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(change);
        return UpdateAsync((state, _) => Task.FromResult(change(state)), cancellationToken);
    }

    /// <summary>
    /// As the other overload, for a change that must read more while the lease is held (what it reads then is no older
    /// than what any earlier change saw).
    /// </summary>
    public async Task<SystemState> UpdateAsync(Func<SystemState, CancellationToken, Task<SystemState>> change, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(change);
        var holder = Guid.NewGuid().ToString("N");
        await AcquireAsync(holder, cancellationToken).ConfigureAwait(false);
        try
        {
            var stored = await ports.Parameters.GetAsync(Name, cancellationToken).ConfigureAwait(false);
            var before = Parse(stored);
            var after = await change(before, cancellationToken).ConfigureAwait(false);
            var json = SystemStateDocument.Serialize(after);
            if (json == SystemStateDocument.Serialize(before))
            {
                return before;
            }

            // Renewed just before writing: a lease that ran out while the change was made may have been taken since.
            if (!await TryAcquireAsync(holder, cancellationToken).ConfigureAwait(false))
            {
                throw Busy();
            }

            var write = await ports.Parameters.PutAfterAsync(Name, json, stored?.Version ?? 0, cancellationToken).ConfigureAwait(false);
            if (write.Interleaved)
            {
                await ReportReplacedAsync(write, cancellationToken).ConfigureAwait(false);
            }

            return after;
        }
        finally
        {
            await ReleaseAsync(holder).ConfigureAwait(false);
        }
    }

    private async Task AcquireAsync(string holder, CancellationToken cancellationToken)
    {
        // Real time for the waits, not the handlers' clock: the holder is working in real time, and on the twin's
        // virtual clock a wait would otherwise pass in no time at all. Expiry is judged on the handlers' clock.
        var waited = System.Diagnostics.Stopwatch.StartNew();
        var pause = TimeSpan.FromMilliseconds(20);
        while (!await TryAcquireAsync(holder, cancellationToken).ConfigureAwait(false))
        {
            if (waited.Elapsed >= leaseWait)
            {
                throw Busy();
            }

            await Task.Delay(pause, cancellationToken).ConfigureAwait(false);
            pause = TimeSpan.FromTicks(Math.Min(pause.Ticks * 2, TimeSpan.FromMilliseconds(500).Ticks));
        }
    }

    private Task<bool> TryAcquireAsync(string holder, CancellationToken cancellationToken)
    {
        var now = ports.Time.GetUtcNow();
        return ports.Leases.TryAcquireAsync(LeaseName, holder, now, now + LeaseTime, cancellationToken);
    }

    private async Task ReleaseAsync(string holder)
    {
        // Tried a few times, and not with the caller's token: a cancelled change must still give the lease back. One
        // that stays taken only makes the next writer wait until it expires, so failing the step for it would be worse.
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await ports.Leases.ReleaseAsync(LeaseName, holder, CancellationToken.None).ConfigureAwait(false);
                return;
            }
            catch (PortException) when (attempt < 3)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(50 * attempt)).ConfigureAwait(false);
            }
            catch (PortException)
            {
                return;
            }
        }
    }

    private PortException Busy() =>
        new(PortFailure.Throttled, $"Another workflow is changing the system parameter (it has held the lease '{LeaseName}' for over {leaseWait.TotalSeconds:0} s); try again.");

    private async Task ReportReplacedAsync(ParameterWrite write, CancellationToken cancellationToken)
    {
        var replaced = write.Version - write.ExpectedVersion - 1;
        var message =
            $"The system parameter {Name} was written as version {write.Version} over version {write.ExpectedVersion}, but {replaced} other "
            + $"write{(replaced == 1 ? "" : "s")} (up to version {write.Version - 1}) came in between without the lease that workflows take. "
            + "The workflow's write stands; what the other writer changed is no longer in force. The system parameter is written by the "
            + "workflows only: compare its history in Parameter Store and change operator parameters instead.";
        await ports.Notifier.PublishAsync(new Notification(NotificationKinds.WorkflowError, "System parameter: a write was replaced", message, ports.Time.GetUtcNow()), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// The state in <paramref name="json"/>, as stored under <paramref name="catalog"/>'s system parameter; a fresh
    /// deployment has none yet (null): nothing serves, nothing is remembered.
    /// </summary>
    /// <exception cref="HandlerException"><see cref="HandlerErrors.InvalidState"/> when the stored state cannot be read.</exception>
    public static SystemState Parse(ParameterCatalog catalog, string? json)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        if (json is null)
        {
            return SystemState.Initial;
        }

        var read = SystemStateDocument.Parse(json);
        return read.State ?? throw new HandlerException(
            HandlerErrors.InvalidState,
            $"The system parameter {catalog.FullName(catalog.SystemParameter.Name)} cannot be read, so it is unknown which model serves: {read.Error}");
    }

    private SystemState Parse(StoredParameter? stored) => Parse(ports.Catalog, stored?.Value);
}
