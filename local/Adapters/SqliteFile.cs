using ContinuousImprovement.Core.Ports;
using Microsoft.Data.Sqlite;

namespace ContinuousImprovement.Local.Adapters;

/// <summary>
/// One SQLite file as the twin's embedded stores use it: WAL, a 30 s wait for another process's writer, one statement
/// at a time from this process, and SQLite and file errors reported as port failures named for the store.
/// </summary>
internal sealed class SqliteFile : IDisposable
{
    private readonly string connectionString;
    private readonly string store;
    private readonly SemaphoreSlim gate = new(1, 1);

    /// <param name="path">The file; its folder is created.</param>
    /// <param name="store">The store's name for messages, e.g. "Inference log".</param>
    /// <param name="schema">Statements that create what is missing (<c>IF NOT EXISTS</c>), run once on open after WAL is set.</param>
    /// <param name="upgrade">Brings a file written by an older build up to date, after <paramref name="schema"/>.</param>
    public SqliteFile(string path, string store, string schema, Action<SqliteConnection>? upgrade = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        this.store = store;
        var full = Path.GetFullPath(path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);

        // Default Timeout is also how long a writer waits for another one (another process included) to finish.
        connectionString = new SqliteConnectionStringBuilder { DataSource = full, DefaultTimeout = 30 }.ToString();
        try
        {
            using var connection = new SqliteConnection(connectionString);
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "PRAGMA journal_mode = WAL;\n" + schema;
            command.ExecuteNonQuery();
            upgrade?.Invoke(connection);
        }
        catch (SqliteException e)
        {
            throw Failure("open its file", e);
        }
    }

    public void Dispose() => gate.Dispose();

    /// <summary>Runs <paramref name="work"/> on a fresh connection, alone among this process's calls.</summary>
    public async Task<T> RunAsync<T>(string what, Func<SqliteConnection, Task<T>> work, CancellationToken cancellationToken)
    {
        try
        {
            // One statement at a time from this process: concurrent writers on separate connections get SQLITE_BUSY
            // and sleep in the busy handler, so under load they spend their time sleeping, not writing. Other
            // processes (the CLI beside `improve up`) still meet the busy timeout.
            await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                await using var connection = new SqliteConnection(connectionString);
                await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
                await using (var pragma = connection.CreateCommand())
                {
                    // In WAL mode NORMAL is safe against a crash of the program (only a power loss can undo the
                    // newest commits) and spares an fsync per commit.
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
            throw IoFailures.From(e, $"{store}: could not {what}");
        }
    }

    // BUSY and LOCKED mean another writer held the file past the timeout: worth another try.
    private PortException Failure(string what, SqliteException e) =>
        new(e.SqliteErrorCode is 5 or 6 ? PortFailure.Throttled : PortFailure.Unavailable, $"{store}: could not {what}: {e.Message}", e);
}
