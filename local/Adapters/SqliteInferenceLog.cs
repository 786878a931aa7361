using ContinuousImprovement.Core.Text;
using System.Globalization;
using System.Text.Json;
using ContinuousImprovement.Core.Ports;
using ContinuousImprovement.Core.Sampling;
using Microsoft.Data.Sqlite;

namespace ContinuousImprovement.Local.Adapters;

/// <summary>
/// The inference log in an embedded SQLite file: one row per prediction, numbered from 1 in the order they
/// were recorded, plus one row per UTC day counting the human loops started. SQLite serializes writers across
/// threads and processes, so the daily reservation is one atomic check-and-increment.
/// </summary>
public sealed class SqliteInferenceLog : IInferenceLog, IDisposable
{
    private const string Schema = """
        PRAGMA journal_mode = WAL;
        CREATE TABLE IF NOT EXISTS inferences (
            sequence INTEGER PRIMARY KEY AUTOINCREMENT,
            image_key TEXT NOT NULL,
            model_version_arn TEXT NOT NULL,
            labels TEXT NOT NULL,
            top_label TEXT,
            top_confidence REAL,
            sent_to_human INTEGER NOT NULL,
            reasons TEXT NOT NULL,
            human_loop_name TEXT,
            at TEXT NOT NULL,
            human_label TEXT);
        CREATE INDEX IF NOT EXISTS inferences_by_image ON inferences (image_key, sequence);
        CREATE TABLE IF NOT EXISTS human_loop_days (day TEXT PRIMARY KEY, count INTEGER NOT NULL);
        """;

    private const string Columns = "sequence, image_key, model_version_arn, labels, sent_to_human, reasons, human_loop_name, at, human_label";

    private readonly string connectionString;
    private readonly SemaphoreSlim gate = new(1, 1);

    public SqliteInferenceLog(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var full = Path.GetFullPath(path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);

        // Default Timeout is also how long a writer waits for another one to finish.
        connectionString = new SqliteConnectionStringBuilder { DataSource = full, DefaultTimeout = 30 }.ToString();
        using var connection = new SqliteConnection(connectionString);
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = Schema;
        command.ExecuteNonQuery();
    }

    public void Dispose() => gate.Dispose();

    public Task<long> RecordAsync(InferenceRecord record, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(record);
        return RunAsync("record an inference", async connection =>
        {
            var top = record.Prediction.Top;
            await using var command = connection.CreateCommand();
            command.CommandText = """
                INSERT INTO inferences (image_key, model_version_arn, labels, top_label, top_confidence, sent_to_human, reasons, human_loop_name, at, human_label)
                VALUES ($key, $model, $labels, $topLabel, $topConfidence, $sent, $reasons, $loop, $at, $human)
                RETURNING sequence
                """;
            command.Parameters.AddWithValue("$key", record.ImageKey);
            command.Parameters.AddWithValue("$model", record.ModelVersionArn);
            command.Parameters.AddWithValue("$labels", LabelsJson(record.Prediction));
            command.Parameters.AddWithValue("$topLabel", (object?)top?.Label ?? DBNull.Value);
            command.Parameters.AddWithValue("$topConfidence", top is null ? DBNull.Value : top.Confidence);
            command.Parameters.AddWithValue("$sent", record.SentToHuman);
            command.Parameters.AddWithValue("$reasons", ReasonsJson(record.Reasons));
            command.Parameters.AddWithValue("$loop", (object?)record.HumanLoopName ?? DBNull.Value);
            command.Parameters.AddWithValue("$at", record.At.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture));
            command.Parameters.AddWithValue("$human", (object?)record.HumanLabel ?? DBNull.Value);
            return (long)(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!;
        }, cancellationToken);
    }

    public Task RecordDecisionAsync(long sequenceNumber, bool sentToHuman, IReadOnlyList<string> reasons, string? humanLoopName, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reasons);
        return RunAsync("record a decision", async connection =>
        {
            await using var command = connection.CreateCommand();
            command.CommandText = "UPDATE inferences SET sent_to_human = $sent, reasons = $reasons, human_loop_name = $loop WHERE sequence = $sequence";
            command.Parameters.AddWithValue("$sent", sentToHuman);
            command.Parameters.AddWithValue("$reasons", ReasonsJson(reasons));
            command.Parameters.AddWithValue("$loop", (object?)humanLoopName ?? DBNull.Value);
            command.Parameters.AddWithValue("$sequence", sequenceNumber);
            return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) == 1
                ? true
                : throw new PortException(PortFailure.NotFound, $"No inference #{sequenceNumber} is logged.");
        }, cancellationToken);
    }

    public Task RecordHumanLabelAsync(string imageKey, string label, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(imageKey);
        ArgumentNullException.ThrowIfNull(label);
        return RunAsync("record a human label", async connection =>
        {
            await using var command = connection.CreateCommand();
            command.CommandText = """
                UPDATE inferences SET human_label = $label
                WHERE sequence = (SELECT MAX(sequence) FROM inferences WHERE image_key = $key)
                """;
            command.Parameters.AddWithValue("$label", label);
            command.Parameters.AddWithValue("$key", imageKey);
            return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) == 1
                ? true
                : throw new PortException(PortFailure.NotFound, $"No inference is logged for image key {Printable.Quote(imageKey, maxChars: 120)}.");
        }, cancellationToken);
    }

    public Task<bool> TryReserveHumanLoopAsync(DateOnly day, int cap, CancellationToken cancellationToken)
    {
        if (cap <= 0)
        {
            return Task.FromResult(false);
        }

        return RunAsync("reserve a human loop", async connection =>
        {
            // IMMEDIATE: the write lock is taken before the count is read, so two reservations cannot both see room.
            await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            await using var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = """
                INSERT INTO human_loop_days (day, count) VALUES ($day, 0) ON CONFLICT (day) DO NOTHING;
                UPDATE human_loop_days SET count = count + 1 WHERE day = $day AND count < $cap;
                """;
            command.Parameters.AddWithValue("$day", day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            command.Parameters.AddWithValue("$cap", cap);
            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            await using var changed = connection.CreateCommand();
            changed.Transaction = transaction;
            changed.CommandText = "SELECT changes()";
            var reserved = (long)(await changed.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))! == 1;
            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            return reserved;
        }, cancellationToken);
    }

    /// <summary>Human loops reserved on <paramref name="day"/> (for the twin's status view and tests).</summary>
    public Task<int> HumanLoopsOnAsync(DateOnly day, CancellationToken cancellationToken) =>
        RunAsync("count human loops", async connection =>
        {
            await using var command = connection.CreateCommand();
            command.CommandText = "SELECT count FROM human_loop_days WHERE day = $day";
            command.Parameters.AddWithValue("$day", day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            return await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is long count ? (int)count : 0;
        }, cancellationToken);

    public Task<IReadOnlyList<InferenceRecord>> RetrainingCandidatesAsync(double confidenceThreshold, int limit, CancellationToken cancellationToken) =>
        QueryAsync(
            """
            WHERE (human_label IS NOT NULL AND (top_label IS NULL OR human_label <> top_label))
               OR top_confidence IS NULL OR top_confidence < $threshold
            ORDER BY sequence DESC LIMIT $limit
            """,
            command =>
            {
                command.Parameters.AddWithValue("$threshold", confidenceThreshold);
                command.Parameters.AddWithValue("$limit", Math.Max(0, limit));
            },
            cancellationToken);

    /// <summary>Every record, oldest first, with its sequence number (for the twin's views and tests).</summary>
    public async Task<IReadOnlyList<(long Sequence, InferenceRecord Record)>> AllAsync(CancellationToken cancellationToken) =>
        await RunAsync("read the inference log", async connection =>
        {
            await using var command = connection.CreateCommand();
            command.CommandText = $"SELECT {Columns} FROM inferences ORDER BY sequence";
            return await ReadRecordsAsync(command, cancellationToken).ConfigureAwait(false);
        }, cancellationToken).ConfigureAwait(false);

    private async Task<IReadOnlyList<InferenceRecord>> QueryAsync(string where, Action<SqliteCommand> bind, CancellationToken cancellationToken) =>
        (await RunAsync("query the inference log", async connection =>
        {
            await using var command = connection.CreateCommand();
            command.CommandText = $"SELECT {Columns} FROM inferences {where}";
            bind(command);
            return await ReadRecordsAsync(command, cancellationToken).ConfigureAwait(false);
        }, cancellationToken).ConfigureAwait(false)).Select(r => r.Record).ToList();

    private static async Task<IReadOnlyList<(long Sequence, InferenceRecord Record)>> ReadRecordsAsync(SqliteCommand command, CancellationToken cancellationToken)
    {
        var records = new List<(long, InferenceRecord)>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            var labels = JsonSerializer.Deserialize(reader.GetString(3), AdaptersJsonContext.Default.ListStoredLabel) ?? [];
            var reasons = JsonSerializer.Deserialize(reader.GetString(5), AdaptersJsonContext.Default.ListString) ?? [];
            records.Add((reader.GetInt64(0), new InferenceRecord(
                reader.GetString(1),
                reader.GetString(2),
                new Prediction(labels.Select(l => new LabelConfidence(l.Label, l.Confidence)).ToList()),
                reader.GetInt64(4) != 0,
                reasons,
                reader.IsDBNull(6) ? null : reader.GetString(6),
                DateTimeOffset.Parse(reader.GetString(7), CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind),
                reader.IsDBNull(8) ? null : reader.GetString(8))));
        }

        return records;
    }

    private async Task<T> RunAsync<T>(string what, Func<SqliteConnection, Task<T>> work, CancellationToken cancellationToken)
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
            // BUSY and LOCKED mean another writer held the file past the timeout: worth another try.
            var failure = e.SqliteErrorCode is 5 or 6 ? PortFailure.Throttled : PortFailure.Unavailable;
            throw new PortException(failure, $"Inference log: could not {what}: {e.Message}", e);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw IoFailures.From(e, $"Inference log: could not {what}");
        }
    }

    private static string LabelsJson(Prediction prediction) =>
        JsonSerializer.Serialize(prediction.Labels.Select(l => new StoredLabel(l.Label, l.Confidence)).ToList(), AdaptersJsonContext.Default.ListStoredLabel);

    private static string ReasonsJson(IReadOnlyList<string> reasons) =>
        JsonSerializer.Serialize(reasons.ToList(), AdaptersJsonContext.Default.ListString);
}
