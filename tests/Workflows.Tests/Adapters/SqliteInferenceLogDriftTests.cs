using ContinuousImprovement.Core.Drift;
using ContinuousImprovement.Core.Ports;
using ContinuousImprovement.Core.Sampling;
using ContinuousImprovement.Core.Training;
using ContinuousImprovement.Local.Adapters;
using ContinuousImprovement.Workflows.Tests.Twin;
using Microsoft.Data.Sqlite;

namespace ContinuousImprovement.Workflows.Tests.Adapters;

/// <summary>What the drift check reads and writes in the SQLite inference log.</summary>
public sealed class SqliteInferenceLogDriftTests : IDisposable
{
    private static readonly DateTimeOffset At = new(2026, 3, 2, 10, 0, 0, TimeSpan.Zero);
    private static readonly HashSet<string> Unbiased = new(LabelSources.Unbiased, StringComparer.Ordinal);
    private readonly TempFolder folder = new();
    private readonly SqliteInferenceLog log;

    public SqliteInferenceLogDriftTests() => log = new SqliteInferenceLog(folder["log/inferences.db"]);

    public void Dispose() => folder.Dispose();

    private async Task LabeledAsync(string key, string model, string top, string? human, params string[] reasons)
    {
        await log.RecordAsync(new InferenceRecord(key, model, new Prediction([new LabelConfidence(top, 90)]), reasons.Length > 0, reasons, null, At), default);
        if (human is not null)
        {
            await log.RecordHumanLabelAsync(key, human, default);
        }
    }

    [Fact]
    public async Task The_picked_confusion_counts_only_the_versions_human_labels_of_images_a_source_picked()
    {
        await LabeledAsync("random-agree.png", "arn:v2", "cat", "cat", "random: draw vs rate: 0.01 < 0.05 (seed 7)");
        await LabeledAsync("audit-miss.png", "arn:v2", "cat", "dog", "audit-sampling: inference #2 is confident detection 3 since the last audit pick (interval 3)");
        await LabeledAsync("both.png", "arn:v2", "cat", "dog", "below-threshold: top confidence 41.7 < 70 (cat)", "random: draw vs rate: 0.02 < 0.05 (seed 7)");
        await LabeledAsync("uncertain.png", "arn:v2", "cat", "dog", "below-threshold: top confidence 41.7 < 70 (cat)");
        await LabeledAsync("unlabeled.png", "arn:v2", "cat", null, "random: draw vs rate: 0.03 < 0.05 (seed 7)");
        await LabeledAsync("other-version.png", "arn:v1", "cat", "dog", "random: draw vs rate: 0.04 < 0.05 (seed 7)");

        var picked = await log.ConfusionAsync("arn:v2", Unbiased, default);
        var none = await log.ConfusionAsync("arn:v2", new HashSet<string>(), default);

        Assert.Equal([new ConfusionCell("cat", "cat", 1), new ConfusionCell("dog", "cat", 2)], picked.Cells);
        Assert.Equal((3, 1), (picked.Total, picked.Agreed));
        Assert.Empty(none.Cells);
    }

    [Fact]
    public async Task A_drift_alert_is_stored_by_compare_and_set_per_version_and_read_back_by_another_log_on_the_file()
    {
        var first = new DriftAlert("arn:v2", 60, 40, At);
        var second = new DriftAlert("arn:v2", 120, 75, At.AddDays(1));

        var created = await log.TryRecordDriftAlertAsync(null, first, default);
        var createdTwice = await log.TryRecordDriftAlertAsync(null, second, default);
        var wrongExpected = await log.TryRecordDriftAlertAsync(second, second, default);
        var moved = await log.TryRecordDriftAlertAsync(first, second, default);

        Assert.Equal((true, false, false, true), (created, createdTwice, wrongExpected, moved));
        Assert.Equal(second, await new SqliteInferenceLog(folder["log/inferences.db"]).DriftAlertAsync("arn:v2", default));
        Assert.Null(await log.DriftAlertAsync("arn:v1", default));
    }

    [Fact]
    public async Task An_alert_cannot_replace_another_versions_alert()
    {
        var failure = await Assert.ThrowsAsync<PortException>(() => log.TryRecordDriftAlertAsync(new DriftAlert("arn:v1", 1, 1, At), new DriftAlert("arn:v2", 2, 2, At), default));

        Assert.Equal(PortFailure.Invalid, failure.Failure);
    }

    [Fact]
    public async Task A_log_file_from_before_drift_alerts_gains_their_table_when_opened()
    {
        var path = folder["old/inferences.db"];
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        using (var connection = new SqliteConnection($"Data Source={path}"))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = """
                CREATE TABLE inferences (sequence INTEGER PRIMARY KEY AUTOINCREMENT, image_key TEXT NOT NULL, model_version_arn TEXT NOT NULL,
                    labels TEXT NOT NULL, top_label TEXT, top_confidence REAL, sent_to_human INTEGER NOT NULL, reasons TEXT NOT NULL,
                    human_loop_name TEXT, at TEXT NOT NULL, human_label TEXT, audited INTEGER NOT NULL DEFAULT 0);
                """;
            command.ExecuteNonQuery();
        }

        SqliteConnection.ClearAllPools();
        var opened = new SqliteInferenceLog(path);

        Assert.Null(await opened.DriftAlertAsync("arn:v2", default));
        Assert.True(await opened.TryRecordDriftAlertAsync(null, new DriftAlert("arn:v2", 50, 30, At), default));
    }
}
