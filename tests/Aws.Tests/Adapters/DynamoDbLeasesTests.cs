using Amazon.DynamoDBv2.Model;
using ContinuousImprovement.Aws.Adapters;
using ContinuousImprovement.Aws.Tests.Peers;

namespace ContinuousImprovement.Aws.Tests.Adapters;

/// <summary>
/// DynamoDB leases against a real dynalite, each test on its own table. Times are given, not read from a clock, so
/// expiry is shown without waiting. The same behaviours are proven for the twin's store in SqliteLeasesTests.
/// </summary>
public sealed class DynamoDbLeasesTests(DynaliteFixture dynamo) : IClassFixture<DynaliteFixture>
{
    private const string Name = "system-parameter";
    private static readonly DateTimeOffset T0 = new(2026, 11, 26, 8, 30, 0, TimeSpan.Zero);
    private static readonly TimeSpan Term = TimeSpan.FromMinutes(2);

    private async Task<(DynamoDbLeases Leases, string Table)> NewLeasesAsync()
    {
        var table = await dynamo.NewTableAsync();
        return (new DynamoDbLeases(dynamo.Client, table), table);
    }

    private static Task<bool> TakeAsync(DynamoDbLeases leases, string holder, DateTimeOffset now, string name = Name) =>
        leases.TryAcquireAsync(name, holder, now, now + Term, CancellationToken.None);

    [Fact]
    public async Task A_free_lease_is_taken_and_stored_as_its_holder_and_end_in_unix_milliseconds()
    {
        var (leases, table) = await NewLeasesAsync();

        Assert.True(await TakeAsync(leases, "run-a", T0));

        var item = (await dynamo.Client.GetItemAsync(new GetItemRequest
        {
            TableName = table,
            Key = new() { ["PK"] = new() { S = "LEASE#" + Name }, ["SK"] = new() { S = "LEASE" } },
            ConsistentRead = true,
        })).Item;
        Assert.Equal("run-a", item["Holder"].S);
        Assert.Equal((T0 + Term).ToUnixTimeMilliseconds().ToString(System.Globalization.CultureInfo.InvariantCulture), item["Until"].N);
    }

    [Fact]
    public async Task Another_holder_is_refused_until_the_last_millisecond_of_the_lease()
    {
        var (leases, _) = await NewLeasesAsync();
        await TakeAsync(leases, "run-a", T0);

        Assert.False(await TakeAsync(leases, "run-b", T0));
        Assert.False(await TakeAsync(leases, "run-b", T0 + Term - TimeSpan.FromMilliseconds(1)));
    }

    [Fact]
    public async Task An_expired_lease_is_taken_by_another_holder_and_then_refuses_the_first()
    {
        var (leases, _) = await NewLeasesAsync();
        await TakeAsync(leases, "run-a", T0);

        Assert.True(await TakeAsync(leases, "run-b", T0 + Term));
        Assert.False(await TakeAsync(leases, "run-a", T0 + Term + TimeSpan.FromSeconds(1)));
    }

    [Fact]
    public async Task The_holder_extends_its_own_lease_so_others_wait_for_the_new_end()
    {
        var (leases, _) = await NewLeasesAsync();
        await TakeAsync(leases, "run-a", T0);

        Assert.True(await TakeAsync(leases, "run-a", T0 + TimeSpan.FromMinutes(1)));

        Assert.False(await TakeAsync(leases, "run-b", T0 + Term));
        Assert.True(await TakeAsync(leases, "run-b", T0 + TimeSpan.FromMinutes(1) + Term));
    }

    [Fact]
    public async Task A_release_by_another_holder_leaves_the_lease_held()
    {
        var (leases, _) = await NewLeasesAsync();
        await TakeAsync(leases, "run-a", T0);

        await leases.ReleaseAsync(Name, "run-b", CancellationToken.None);

        Assert.False(await TakeAsync(leases, "run-c", T0 + TimeSpan.FromSeconds(1)));
    }

    [Fact]
    public async Task A_released_lease_is_taken_by_another_holder_at_once()
    {
        var (leases, _) = await NewLeasesAsync();
        await TakeAsync(leases, "run-a", T0);

        await leases.ReleaseAsync(Name, "run-a", CancellationToken.None);

        Assert.True(await TakeAsync(leases, "run-b", T0 + TimeSpan.FromSeconds(1)));
    }

    [Fact]
    public async Task Releasing_a_lease_nobody_holds_does_nothing()
    {
        var (leases, table) = await NewLeasesAsync();

        await leases.ReleaseAsync(Name, "run-a", CancellationToken.None);

        Assert.Equal(0, (await dynamo.Client.ScanAsync(new ScanRequest { TableName = table })).Count);
    }

    [Fact]
    public async Task Of_many_concurrent_holders_exactly_one_takes_a_free_lease()
    {
        var (leases, _) = await NewLeasesAsync();

        var taken = await Task.WhenAll(Enumerable.Range(0, 20).Select(i => Task.Run(() => TakeAsync(leases, $"run-{i}", T0))));

        var winner = Assert.Single(Enumerable.Range(0, 20), i => taken[i]);
        // The winner holds it: it extends, a loser is still refused.
        Assert.True(await TakeAsync(leases, $"run-{winner}", T0));
        Assert.False(await TakeAsync(leases, $"run-{(winner + 1) % 20}", T0));
    }

    [Fact]
    public async Task Leases_with_different_names_are_held_independently()
    {
        var (leases, _) = await NewLeasesAsync();
        await TakeAsync(leases, "run-a", T0, "first");

        Assert.True(await TakeAsync(leases, "run-b", T0, "second"));
        await leases.ReleaseAsync("second", "run-b", CancellationToken.None);

        Assert.False(await TakeAsync(leases, "run-c", T0, "first"));
    }

    [Fact]
    public async Task A_lease_that_would_end_before_it_starts_is_refused_as_a_caller_error()
    {
        var (leases, _) = await NewLeasesAsync();

        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => leases.TryAcquireAsync(Name, "run-a", T0, T0, CancellationToken.None));
    }
}
