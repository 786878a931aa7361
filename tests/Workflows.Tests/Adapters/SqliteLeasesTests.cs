using ContinuousImprovement.Core.Ports;
using ContinuousImprovement.Local.Adapters;
using ContinuousImprovement.Workflows.Tests.Twin;
using Microsoft.Data.Sqlite;

namespace ContinuousImprovement.Workflows.Tests.Adapters;

/// <summary>
/// The twin's leases on a SQLite file. Times are given, not read from a clock, so expiry is shown without waiting.
/// The same behaviours are proven for DynamoDB in DynamoDbLeasesTests; two stores on one file stand for two processes.
/// </summary>
public sealed class SqliteLeasesTests : IDisposable
{
    private const string Name = "system-parameter";
    private static readonly DateTimeOffset T0 = new(2026, 3, 2, 10, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Term = TimeSpan.FromMinutes(2);
    private readonly TempFolder folder = new();
    private readonly SqliteLeases leases;

    public SqliteLeasesTests() => leases = new SqliteLeases(folder["state/leases.db"]);

    public void Dispose()
    {
        leases.Dispose();
        folder.Dispose();
    }

    private static Task<bool> TakeAsync(SqliteLeases store, string holder, DateTimeOffset now, string name = Name) =>
        store.TryAcquireAsync(name, holder, now, now + Term, CancellationToken.None);

    private Task<bool> TakeAsync(string holder, DateTimeOffset now, string name = Name) => TakeAsync(leases, holder, now, name);

    [Fact]
    public async Task A_free_lease_is_taken_and_stored_as_its_holder_and_end_in_unix_milliseconds()
    {
        Assert.True(await TakeAsync("run-a", T0));

        await using var connection = new SqliteConnection($"Data Source={folder["state/leases.db"]}");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT holder, until_ms FROM leases WHERE name = $name";
        command.Parameters.AddWithValue("$name", Name);
        await using var row = await command.ExecuteReaderAsync();
        Assert.True(await row.ReadAsync());
        Assert.Equal(("run-a", (T0 + Term).ToUnixTimeMilliseconds()), (row.GetString(0), row.GetInt64(1)));
    }

    [Fact]
    public async Task Another_holder_is_refused_until_the_last_millisecond_of_the_lease()
    {
        await TakeAsync("run-a", T0);

        Assert.False(await TakeAsync("run-b", T0));
        Assert.False(await TakeAsync("run-b", T0 + Term - TimeSpan.FromMilliseconds(1)));
    }

    [Fact]
    public async Task An_expired_lease_is_taken_by_another_holder_and_then_refuses_the_first()
    {
        await TakeAsync("run-a", T0);

        Assert.True(await TakeAsync("run-b", T0 + Term));
        Assert.False(await TakeAsync("run-a", T0 + Term + TimeSpan.FromSeconds(1)));
    }

    [Fact]
    public async Task The_holder_extends_its_own_lease_so_others_wait_for_the_new_end()
    {
        await TakeAsync("run-a", T0);

        Assert.True(await TakeAsync("run-a", T0 + TimeSpan.FromMinutes(1)));

        Assert.False(await TakeAsync("run-b", T0 + Term));
        Assert.True(await TakeAsync("run-b", T0 + TimeSpan.FromMinutes(1) + Term));
    }

    [Fact]
    public async Task A_release_by_another_holder_leaves_the_lease_held()
    {
        await TakeAsync("run-a", T0);

        await leases.ReleaseAsync(Name, "run-b", CancellationToken.None);

        Assert.False(await TakeAsync("run-c", T0 + TimeSpan.FromSeconds(1)));
    }

    [Fact]
    public async Task A_released_lease_is_taken_by_another_holder_at_once()
    {
        await TakeAsync("run-a", T0);

        await leases.ReleaseAsync(Name, "run-a", CancellationToken.None);

        Assert.True(await TakeAsync("run-b", T0 + TimeSpan.FromSeconds(1)));
    }

    [Fact]
    public async Task Of_many_concurrent_holders_exactly_one_takes_a_free_lease()
    {
        var taken = await Task.WhenAll(Enumerable.Range(0, 20).Select(i => Task.Run(() => TakeAsync($"run-{i}", T0))));

        var winner = Assert.Single(Enumerable.Range(0, 20), i => taken[i]);
        // The winner holds it: it extends, a loser is still refused.
        Assert.True(await TakeAsync($"run-{winner}", T0));
        Assert.False(await TakeAsync($"run-{(winner + 1) % 20}", T0));
    }

    [Fact]
    public async Task Leases_with_different_names_are_held_independently()
    {
        await TakeAsync("run-a", T0, "first");

        Assert.True(await TakeAsync("run-b", T0, "second"));
        await leases.ReleaseAsync("second", "run-b", CancellationToken.None);

        Assert.False(await TakeAsync("run-c", T0, "first"));
    }

    [Fact]
    public async Task A_lease_that_would_end_before_it_starts_is_refused_as_a_caller_error()
    {
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => leases.TryAcquireAsync(Name, "run-a", T0, T0, CancellationToken.None));
    }

    [Fact]
    public async Task Two_stores_on_one_file_exclude_each_other_as_two_processes_would()
    {
        using var other = new SqliteLeases(folder["state/leases.db"]);

        Assert.True(await TakeAsync(leases, "process-1", T0));
        Assert.False(await TakeAsync(other, "process-2", T0 + TimeSpan.FromSeconds(1)));

        await other.ReleaseAsync(Name, "process-2", CancellationToken.None);
        Assert.False(await TakeAsync(other, "process-2", T0 + TimeSpan.FromSeconds(2)));

        await leases.ReleaseAsync(Name, "process-1", CancellationToken.None);
        Assert.True(await TakeAsync(other, "process-2", T0 + TimeSpan.FromSeconds(3)));
        Assert.False(await TakeAsync(leases, "process-1", T0 + TimeSpan.FromSeconds(4)));
    }

    [Fact]
    public async Task Of_concurrent_holders_split_over_two_stores_on_one_file_exactly_one_takes_the_lease()
    {
        using var other = new SqliteLeases(folder["state/leases.db"]);

        var taken = await Task.WhenAll(Enumerable.Range(0, 20).Select(i => Task.Run(() => TakeAsync(i % 2 == 0 ? leases : other, $"run-{i}", T0))));

        Assert.Single(taken, won => won);
    }

    [Fact]
    public async Task A_file_that_is_not_a_database_fails_as_a_port_error_when_opened()
    {
        var path = folder["state/garbage.db"];
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        await File.WriteAllTextAsync(path, new string('x', 4096));

        var error = Assert.Throws<PortException>(() => new SqliteLeases(path));

        Assert.Equal(PortFailure.Unavailable, error.Failure);
        Assert.StartsWith("Leases: could not open its file", error.Message, StringComparison.Ordinal);
    }
}
