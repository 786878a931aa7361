using ContinuousImprovement.Asl.Runtime;
using ContinuousImprovement.Core.Parameters;
using ContinuousImprovement.Core.Ports;
using ContinuousImprovement.Core.State;
using ContinuousImprovement.Handlers;
using ContinuousImprovement.Handlers.State;
using ContinuousImprovement.Local.Adapters;
using ContinuousImprovement.Local.Twin;
using ContinuousImprovement.Workflows.Tests.Twin;

namespace ContinuousImprovement.Workflows.Tests.State;

/// <summary>
/// The system parameter's read-modify-writes on the twin's real adapters (file parameter store, SQLite leases, outbox)
/// and virtual time: a change made while another is under way waits for it, so neither loses what the other wrote.
/// </summary>
public sealed class SystemStateStoreTests : IDisposable
{
    private const string NewServing = "arn:aws:rekognition:us-east-1:123456789012:project/ci/version/v2/1";

    private static readonly string SystemName = ParameterCatalog.Default.FullName(ParameterCatalog.Default.SystemParameter.Name);

    private readonly TempFolder folder = new();
    private readonly VirtualClock clock = new(new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero));
    private readonly FileParameterStore parameters;
    private readonly SqliteLeases leases;
    private readonly JsonlOutbox outbox;
    private readonly Ports ports;

    public SystemStateStoreTests()
    {
        var time = new ClockTimeProvider(clock);
        parameters = new FileParameterStore(folder["parameters.json"], time);
        leases = new SqliteLeases(folder["leases.db"]);
        outbox = new JsonlOutbox(folder["outbox.jsonl"]);
        ports = new Ports(null!, parameters, null!, null!, null!, outbox, null!, time) { Leases = leases };
    }

    public void Dispose()
    {
        parameters.Dispose();
        leases.Dispose();
        folder.Dispose();
    }

    [Fact]
    public async Task A_change_made_while_another_is_under_way_waits_for_it_so_neither_loses_the_others_fields()
    {
        var store = new SystemStateStore(ports);
        using var entered = new SemaphoreSlim(0);
        using var finish = new SemaphoreSlim(0);
        var deploy = store.UpdateAsync(
            async (state, token) =>
            {
                entered.Release();
                await finish.WaitAsync(token);
                return state with { Serving = new ServingVersion(NewServing, 0.9, clock.Now) };
            },
            default);
        await entered.WaitAsync();

        // A parameter change remembering its last good value while the deploy holds the system parameter.
        var remember = store.UpdateAsync(state => state with { LastGoodParameters = new SortedDictionary<string, string>(StringComparer.Ordinal) { ["Minimum-F1-Score"] = "0.9" } }, default);
        await Task.Delay(100);
        Assert.False(remember.IsCompleted);
        finish.Release();
        await Task.WhenAll(deploy, remember);

        var state = await store.ReadAsync(default);
        Assert.Equal(NewServing, state.Serving?.ProjectVersionArn);
        Assert.Equal("0.9", state.LastGoodParameters["Minimum-F1-Score"]);
        Assert.Equal(2, (await parameters.GetAsync(SystemName, default))!.Version);
        Assert.Empty(outbox.Published());
    }

    [Fact]
    public async Task Many_changes_at_once_all_land_one_after_another()
    {
        var store = new SystemStateStore(ports);

        await Task.WhenAll(Enumerable.Range(1, 12).Select(i => Task.Run(() => store.UpdateAsync(
            state => state with { Counters = state.Counters with { Trainings = state.Counters.Trainings + 1 } }, default))));

        Assert.Equal(12, (await store.ReadAsync(default)).Counters.Trainings);
        Assert.Equal(12, (await parameters.GetAsync(SystemName, default))!.Version);
    }

    [Fact]
    public async Task A_lease_left_by_a_writer_that_died_is_taken_once_it_expires_on_the_handlers_clock()
    {
        var started = clock.Now;
        Assert.True(await leases.TryAcquireAsync(SystemStateStore.LeaseName, "died", started, started + SystemStateStore.LeaseTime, default));

        var change = new SystemStateStore(ports).UpdateAsync(state => state with { Counters = new SystemCounters(1, 0) }, default);
        await Task.Delay(100);
        Assert.False(change.IsCompleted);
        clock.Advance(SystemStateStore.LeaseTime);
        await change;

        Assert.Equal(1, (await new SystemStateStore(ports).ReadAsync(default)).Counters.Trainings);
    }

    [Fact]
    public async Task A_lease_held_longer_than_the_wait_fails_the_change_with_a_retryable_error_and_writes_nothing()
    {
        Assert.True(await leases.TryAcquireAsync(SystemStateStore.LeaseName, "deploying", clock.Now, clock.Now + SystemStateStore.LeaseTime, default));

        var error = await Assert.ThrowsAsync<PortException>(() => new SystemStateStore(ports, TimeSpan.FromMilliseconds(300)).UpdateAsync(state => state with { Counters = new SystemCounters(1, 0) }, default));

        Assert.Equal(PortFailure.Throttled, error.Failure);
        Assert.True(error.IsRetryable);
        Assert.Contains("'system-parameter'", error.Message, StringComparison.Ordinal);
        Assert.Null(await parameters.GetAsync(SystemName, default));
    }

    [Fact]
    public async Task A_change_that_fails_gives_the_lease_back()
    {
        var store = new SystemStateStore(ports);

        await Assert.ThrowsAsync<InvalidOperationException>(() => store.UpdateAsync((Func<SystemState, SystemState>)(_ => throw new InvalidOperationException("boom")), default));

        Assert.True(await leases.TryAcquireAsync(SystemStateStore.LeaseName, "next", clock.Now, clock.Now + TimeSpan.FromSeconds(1), default));
    }

    [Fact]
    public async Task A_change_that_changes_nothing_writes_nothing()
    {
        var store = new SystemStateStore(ports);
        await store.UpdateAsync(state => state with { Counters = new SystemCounters(3, 1) }, default);

        await store.UpdateAsync(state => state with { Counters = new SystemCounters(3, 1) }, default);

        Assert.Equal(1, (await parameters.GetAsync(SystemName, default))!.Version);
    }

    [Fact]
    public async Task A_write_made_over_an_outside_one_stands_and_the_operator_is_told_which_versions_it_replaced()
    {
        var store = new SystemStateStore(ports);
        await store.UpdateAsync(state => state with { Counters = new SystemCounters(1, 0) }, default);

        await store.UpdateAsync(
            async (state, token) =>
            {
                // Someone writing the system parameter by hand, without the lease, between the read and the write.
                await parameters.PutAsync(SystemName, SystemStateDocument.Serialize(state with { Counters = new SystemCounters(40, 40) }), token);
                return state with { Counters = new SystemCounters(2, 0) };
            },
            default);

        Assert.Equal(new SystemCounters(2, 0), (await store.ReadAsync(default)).Counters);
        var mail = Assert.Single(outbox.Published());
        Assert.Equal("workflow-error", mail.Kind);
        Assert.Contains("written as version 3 over version 1", mail.Message, StringComparison.Ordinal);
        Assert.Contains("1 other write (up to version 2)", mail.Message, StringComparison.Ordinal);
    }
}
