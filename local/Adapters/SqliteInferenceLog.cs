using ContinuousImprovement.Core.Text;
using System.Globalization;
using System.Text.Json;
using ContinuousImprovement.Core.Audit;
using ContinuousImprovement.Core.Drift;
using ContinuousImprovement.Core.Ports;
using ContinuousImprovement.Core.Sampling;
using ContinuousImprovement.Core.Training;
using Microsoft.Data.Sqlite;

namespace ContinuousImprovement.Local.Adapters;

/// <summary>
/// The inference log in an embedded SQLite file: one row per prediction, numbered from 1 in the order they
/// were recorded, plus one row per UTC day counting the human loops started and one row holding the audit
/// sampling cursor, and one row per model version holding its last drift alert (a table files from before it get
/// when they are opened). SQLite serializes writers across threads and processes, so the daily reservation and the
/// cursor's compare-and-set are each one atomic statement. A file written before the <c>audited</c> column
/// existed gets it when it is opened (default 0: nothing was audited then).
/// </summary>
public sealed class SqliteInferenceLog : IInferenceLog, IDisposable
{
    private const string Schema = """
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
            human_label TEXT,
            audited INTEGER NOT NULL DEFAULT 0);
        CREATE INDEX IF NOT EXISTS inferences_by_image ON inferences (image_key, sequence);
        CREATE INDEX IF NOT EXISTS inferences_labeled_by_model ON inferences (model_version_arn) WHERE human_label IS NOT NULL;
        CREATE TABLE IF NOT EXISTS human_loop_days (day TEXT PRIMARY KEY, count INTEGER NOT NULL);
        CREATE TABLE IF NOT EXISTS audit_cursor (
            id INTEGER PRIMARY KEY CHECK (id = 1),
            last_sequence INTEGER NOT NULL,
            counted INTEGER NOT NULL);
        CREATE TABLE IF NOT EXISTS drift_alerts (
            model_version_arn TEXT PRIMARY KEY,
            labels INTEGER NOT NULL,
            agreed INTEGER NOT NULL,
            at TEXT NOT NULL);
        """;

    private const string Columns = "sequence, image_key, model_version_arn, labels, sent_to_human, reasons, human_loop_name, at, human_label, audited";

    private readonly SqliteFile file;

    public SqliteInferenceLog(string path) => file = new SqliteFile(path, "Inference log", Schema, AddAuditedColumn);

    public void Dispose() => file.Dispose();

    public Task<long> RecordAsync(InferenceRecord record, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(record);
        return file.RunAsync("record an inference", async connection =>
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
        return file.RunAsync("record a decision", async connection =>
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
        return file.RunAsync("record a human label", async connection =>
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

        return file.RunAsync("reserve a human loop", async connection =>
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

    public Task<bool> ReleaseHumanLoopAsync(DateOnly day, CancellationToken cancellationToken) =>
        file.RunAsync("release a human loop", async connection =>
        {
            await using var command = connection.CreateCommand();
            command.CommandText = "UPDATE human_loop_days SET count = count - 1 WHERE day = $day AND count > 0";
            command.Parameters.AddWithValue("$day", day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) == 1;
        }, cancellationToken);

    public Task<int> HumanLoopsOnAsync(DateOnly day, CancellationToken cancellationToken) =>
        file.RunAsync("count human loops", async connection =>
        {
            await using var command = connection.CreateCommand();
            command.CommandText = "SELECT count FROM human_loop_days WHERE day = $day";
            command.Parameters.AddWithValue("$day", day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            return await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is long count ? (int)count : 0;
        }, cancellationToken);

    public Task<ModelConfusion> ConfusionAsync(string modelVersionArn, IReadOnlySet<string> pickedBy, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(modelVersionArn);
        ArgumentNullException.ThrowIfNull(pickedBy);
        return file.RunAsync("summarize a model's confusion", async connection =>
        {
            // The reasons are JSON text, so the rule names are matched here rather than in SQL.
            await using var command = connection.CreateCommand();
            command.CommandText = """
                SELECT human_label, top_label, reasons FROM inferences
                WHERE model_version_arn = $model AND human_label IS NOT NULL AND human_label <> ''
                """;
            command.Parameters.AddWithValue("$model", modelVersionArn);
            var counts = new Dictionary<(string Truth, string? Predicted), int>();
            await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                var reasons = JsonSerializer.Deserialize(reader.GetString(2), AdaptersJsonContext.Default.ListString) ?? [];
                if (LabelSources.PickedBy(reasons, pickedBy))
                {
                    var key = (reader.GetString(0), reader.IsDBNull(1) ? null : reader.GetString(1));
                    counts[key] = counts.GetValueOrDefault(key) + 1;
                }
            }

            return ModelConfusion.Of(modelVersionArn, counts.Select(c => new ConfusionCell(c.Key.Item1, c.Key.Item2, c.Value)));
        }, cancellationToken);
    }

    public Task<DriftAlert?> DriftAlertAsync(string modelVersionArn, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(modelVersionArn);
        return file.RunAsync("read a drift alert", async connection =>
        {
            await using var command = connection.CreateCommand();
            command.CommandText = "SELECT labels, agreed, at FROM drift_alerts WHERE model_version_arn = $model";
            command.Parameters.AddWithValue("$model", modelVersionArn);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            return await reader.ReadAsync(cancellationToken).ConfigureAwait(false)
                ? new DriftAlert(modelVersionArn, (int)reader.GetInt64(0), (int)reader.GetInt64(1), DateTimeOffset.Parse(reader.GetString(2), CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind))
                : null;
        }, cancellationToken);
    }

    public Task<bool> TryRecordDriftAlertAsync(DriftAlert? expected, DriftAlert alert, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(alert);
        if (expected is not null && expected.ModelVersionArn != alert.ModelVersionArn)
        {
            throw new PortException(PortFailure.Invalid, $"A drift alert of {Printable.Quote(alert.ModelVersionArn, maxChars: 160)} cannot replace one of {Printable.Quote(expected.ModelVersionArn, maxChars: 160)}.");
        }

        return file.RunAsync("record a drift alert", async connection =>
        {
            await using var command = connection.CreateCommand();
            command.CommandText = expected is null
                ? "INSERT INTO drift_alerts (model_version_arn, labels, agreed, at) VALUES ($model, $labels, $agreed, $at) ON CONFLICT (model_version_arn) DO NOTHING"
                : "UPDATE drift_alerts SET labels = $labels, agreed = $agreed, at = $at WHERE model_version_arn = $model AND labels = $expectedLabels AND agreed = $expectedAgreed AND at = $expectedAt";
            command.Parameters.AddWithValue("$model", alert.ModelVersionArn);
            command.Parameters.AddWithValue("$labels", alert.Labels);
            command.Parameters.AddWithValue("$agreed", alert.Agreed);
            command.Parameters.AddWithValue("$at", Timestamp(alert.At));
            if (expected is not null)
            {
                command.Parameters.AddWithValue("$expectedLabels", expected.Labels);
                command.Parameters.AddWithValue("$expectedAgreed", expected.Agreed);
                command.Parameters.AddWithValue("$expectedAt", Timestamp(expected.At));
            }

            return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) == 1;
        }, cancellationToken);
    }

    public Task<ConfidentDetections> ConfidentDetectionsAsync(long afterSequence, double minimumConfidence, DateTimeOffset loggedBefore, int limit, CancellationToken cancellationToken)
    {
        if (limit <= 0)
        {
            return Task.FromResult(new ConfidentDetections([], afterSequence, More: false));
        }

        return file.RunAsync("read confident detections", async connection =>
        {
            await using var command = connection.CreateCommand();
            command.CommandText = $"SELECT {Columns} FROM inferences WHERE sequence > $after ORDER BY sequence LIMIT $limit";
            command.Parameters.AddWithValue("$after", afterSequence);
            command.Parameters.AddWithValue("$limit", limit);
            var rows = await ReadRowsAsync(command, cancellationToken).ConfigureAwait(false);

            // Numbers are assigned inside the inserting transaction, so a committed row never has an unwritten one
            // before it: the rows read are consecutive and the read may stop at any of them.
            var confident = new List<LoggedInference>();
            var through = afterSequence;
            foreach (var row in rows)
            {
                if (row.Record.At >= loggedBefore)
                {
                    return new ConfidentDetections(confident, through, More: false);
                }

                through = row.Sequence;
                if (IsConfident(row.Record, row.Audited, minimumConfidence))
                {
                    confident.Add(new LoggedInference(row.Sequence, row.Record, row.Audited));
                }
            }

            return new ConfidentDetections(confident, through, More: rows.Count == limit);
        }, cancellationToken);
    }

    public Task RecordAuditAsync(long sequenceNumber, IReadOnlyList<string> reasons, string humanLoopName, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reasons);
        ArgumentNullException.ThrowIfNull(humanLoopName);
        return file.RunAsync("record an audit", async connection =>
        {
            await using var command = connection.CreateCommand();
            command.CommandText = "UPDATE inferences SET sent_to_human = 1, reasons = $reasons, human_loop_name = $loop, audited = 1 WHERE sequence = $sequence";
            command.Parameters.AddWithValue("$reasons", ReasonsJson(reasons));
            command.Parameters.AddWithValue("$loop", humanLoopName);
            command.Parameters.AddWithValue("$sequence", sequenceNumber);
            return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) == 1
                ? true
                : throw new PortException(PortFailure.NotFound, $"No inference #{sequenceNumber} is logged.");
        }, cancellationToken);
    }

    public Task<AuditCursor?> AuditCursorAsync(CancellationToken cancellationToken) =>
        file.RunAsync("read the audit cursor", async connection =>
        {
            await using var command = connection.CreateCommand();
            command.CommandText = "SELECT last_sequence, counted FROM audit_cursor WHERE id = 1";
            await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            return await reader.ReadAsync(cancellationToken).ConfigureAwait(false)
                ? new AuditCursor(reader.GetInt64(0), (int)reader.GetInt64(1))
                : null;
        }, cancellationToken);

    public Task<bool> TryMoveAuditCursorAsync(AuditCursor? expected, AuditCursor moved, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(moved);
        return file.RunAsync("move the audit cursor", async connection =>
        {
            await using var command = connection.CreateCommand();
            command.CommandText = expected is null
                ? "INSERT INTO audit_cursor (id, last_sequence, counted) VALUES (1, $last, $counted) ON CONFLICT (id) DO NOTHING"
                : "UPDATE audit_cursor SET last_sequence = $last, counted = $counted WHERE id = 1 AND last_sequence = $expectedLast AND counted = $expectedCounted";
            command.Parameters.AddWithValue("$last", moved.LastSequence);
            command.Parameters.AddWithValue("$counted", moved.Counted);
            if (expected is not null)
            {
                command.Parameters.AddWithValue("$expectedLast", expected.LastSequence);
                command.Parameters.AddWithValue("$expectedCounted", expected.Counted);
            }

            return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) == 1;
        }, cancellationToken);
    }

    /// <summary>Every record, oldest first, with its sequence number (for the twin's views and tests).</summary>
    public async Task<IReadOnlyList<(long Sequence, InferenceRecord Record)>> AllAsync(CancellationToken cancellationToken) =>
        await file.RunAsync("read the inference log", async connection =>
        {
            await using var command = connection.CreateCommand();
            command.CommandText = $"SELECT {Columns} FROM inferences ORDER BY sequence";
            return await ReadRecordsAsync(command, cancellationToken).ConfigureAwait(false);
        }, cancellationToken).ConfigureAwait(false);

    private static async Task<IReadOnlyList<(long Sequence, InferenceRecord Record)>> ReadRecordsAsync(SqliteCommand command, CancellationToken cancellationToken) =>
        (await ReadRowsAsync(command, cancellationToken).ConfigureAwait(false)).Select(r => (r.Sequence, r.Record)).ToList();

    private static async Task<List<(long Sequence, InferenceRecord Record, bool Audited)>> ReadRowsAsync(SqliteCommand command, CancellationToken cancellationToken)
    {
        var records = new List<(long, InferenceRecord, bool)>();
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
                reader.IsDBNull(8) ? null : reader.GetString(8)), reader.GetInt64(9) != 0));
        }

        return records;
    }

    // The same rule as DynamoDbInferenceLog's: a top label at or above the minimum that no sampling rule sent to a
    // human; what audit sampling sent stays in, flagged, so a re-run counts as the first run did.
    private static bool IsConfident(InferenceRecord record, bool audited, double minimumConfidence) =>
        record.Prediction.Top is { } top && top.Confidence >= minimumConfidence && (!record.SentToHuman || audited);

    // Files from before the audited column: add it once. Another process may add it at the same moment, so a
    // "duplicate column" failure is checked against the table as it is now.
    private static void AddAuditedColumn(SqliteConnection connection)
    {
        if (HasAuditedColumn(connection))
        {
            return;
        }

        try
        {
            using var alter = connection.CreateCommand();
            alter.CommandText = "ALTER TABLE inferences ADD COLUMN audited INTEGER NOT NULL DEFAULT 0";
            alter.ExecuteNonQuery();
        }
        catch (SqliteException) when (HasAuditedColumn(connection))
        {
        }
    }

    private static bool HasAuditedColumn(SqliteConnection connection)
    {
        using var check = connection.CreateCommand();
        check.CommandText = "SELECT COUNT(*) FROM pragma_table_info('inferences') WHERE name = 'audited'";
        return (long)check.ExecuteScalar()! == 1;
    }

    private static string Timestamp(DateTimeOffset at) => at.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture);

    private static string LabelsJson(Prediction prediction) =>
        JsonSerializer.Serialize(prediction.Labels.Select(l => new StoredLabel(l.Label, l.Confidence)).ToList(), AdaptersJsonContext.Default.ListStoredLabel);

    private static string ReasonsJson(IReadOnlyList<string> reasons) =>
        JsonSerializer.Serialize(reasons.ToList(), AdaptersJsonContext.Default.ListString);
}
