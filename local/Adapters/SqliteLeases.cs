using ContinuousImprovement.Core.Ports;
using Microsoft.Data.Sqlite;

namespace ContinuousImprovement.Local.Adapters;

/// <summary>
/// <see cref="ILeases"/> in an embedded SQLite file: one row per lease name with its holder and the Unix millisecond it
/// runs until. Taking a lease is one upsert that replaces the row only when it is this holder's or has expired, and
/// giving it back is one delete conditioned on the holder, so SQLite's write lock decides between racing holders, in
/// this process or another one on the same file. The table may share a file with other stores (<c>IF NOT EXISTS</c>).
/// </summary>
public sealed class SqliteLeases : ILeases, IDisposable
{
    private const string Schema = """
        PRAGMA journal_mode = WAL;
        CREATE TABLE IF NOT EXISTS leases (
            name TEXT PRIMARY KEY,
            holder TEXT NOT NULL,
            until_ms INTEGER NOT NULL);
        """;

    private readonly string connectionString;
    private readonly SemaphoreSlim gate = new(1, 1);

    public SqliteLeases(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var full = Path.GetFullPath(path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);

        // Default Timeout is also how long a writer waits for another one (another process included) to finish.
        connectionString = new SqliteConnectionStringBuilder { DataSource = full, DefaultTimeout = 30 }.ToString();
        try
        {
            using var connection = new SqliteConnection(connectionString);
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = Schema;
            command.ExecuteNonQuery();
        }
        catch (SqliteException e)
        {
            throw Failure("open the lease table", e);
        }
    }

    public void Dispose() => gate.Dispose();

    public Task<bool> TryAcquireAsync(string name, string holder, DateTimeOffset now, DateTimeOffset until, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentException.ThrowIfNullOrEmpty(holder);
        if (until <= now)
        {
            throw new ArgumentOutOfRangeException(nameof(until), until, $"Lease {name} would end ({until:O}) before it starts ({now:O}).");
        }

        return RunAsync($"take lease {name}", async connection =>
        {
            // One statement: a row another holder keeps past now is left as it is, and changes() (what
            // ExecuteNonQuery returns) is then 0.
            await using var command = connection.CreateCommand();
            command.CommandText = """
                INSERT INTO leases (name, holder, until_ms) VALUES ($name, $holder, $until)
                ON CONFLICT (name) DO UPDATE SET holder = excluded.holder, until_ms = excluded.until_ms
                WHERE leases.holder = excluded.holder OR leases.until_ms <= $now
                """;
            command.Parameters.AddWithValue("$name", name);
            command.Parameters.AddWithValue("$holder", holder);
            command.Parameters.AddWithValue("$until", until.ToUnixTimeMilliseconds());
            command.Parameters.AddWithValue("$now", now.ToUnixTimeMilliseconds());
            return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) == 1;
        }, cancellationToken);
    }

    public Task ReleaseAsync(string name, string holder, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentException.ThrowIfNullOrEmpty(holder);
        return RunAsync($"give back lease {name}", async connection =>
        {
            await using var command = connection.CreateCommand();
            command.CommandText = "DELETE FROM leases WHERE name = $name AND holder = $holder";
            command.Parameters.AddWithValue("$name", name);
            command.Parameters.AddWithValue("$holder", holder);
            return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }, cancellationToken);
    }

    private async Task<T> RunAsync<T>(string what, Func<SqliteConnection, Task<T>> work, CancellationToken cancellationToken)
    {
        try
        {
            // One statement at a time from this process, as the inference log does: its own writers then queue here
            // instead of sleeping in SQLite's busy handler; other processes still meet the busy timeout.
            await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                await using var connection = new SqliteConnection(connectionString);
                await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
                await using (var pragma = connection.CreateCommand())
                {
                    // In WAL mode NORMAL is safe against a crash of the program and spares an fsync per commit.
                    pragma.CommandText = "PRAGMA synchronous = NORMAL";
                    await pragma.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
                }

                return await work(connection).ConfigureAwait(false);
            }
            finally
            {
                gate.Release();
            }
        }
        catch (SqliteException e)
        {
            throw Failure(what, e);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw IoFailures.From(e, $"Leases: could not {what}");
        }
    }

    // BUSY and LOCKED mean another writer held the file past the timeout: worth another try.
    private static PortException Failure(string what, SqliteException e) =>
        new(e.SqliteErrorCode is 5 or 6 ? PortFailure.Throttled : PortFailure.Unavailable, $"Leases: could not {what}: {e.Message}", e);
}
