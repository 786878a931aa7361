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
        CREATE TABLE IF NOT EXISTS leases (
            name TEXT PRIMARY KEY,
            holder TEXT NOT NULL,
            until_ms INTEGER NOT NULL);
        """;

    private readonly SqliteFile file;

    public SqliteLeases(string path) => file = new SqliteFile(path, "Leases", Schema);

    public void Dispose() => file.Dispose();

    public Task<bool> TryAcquireAsync(string name, string holder, DateTimeOffset now, DateTimeOffset until, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentException.ThrowIfNullOrEmpty(holder);
        if (until <= now)
        {
            throw new ArgumentOutOfRangeException(nameof(until), until, $"Lease {name} would end ({until:O}) before it starts ({now:O}).");
        }

        return file.RunAsync($"take lease {name}", async connection =>
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
        return file.RunAsync($"give back lease {name}", async connection =>
        {
            await using var command = connection.CreateCommand();
            command.CommandText = "DELETE FROM leases WHERE name = $name AND holder = $holder";
            command.Parameters.AddWithValue("$name", name);
            command.Parameters.AddWithValue("$holder", holder);
            return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }, cancellationToken);
    }
}
