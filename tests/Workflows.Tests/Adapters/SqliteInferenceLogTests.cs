using ContinuousImprovement.Core.Audit;
using ContinuousImprovement.Core.Ports;
using ContinuousImprovement.Core.Sampling;
using ContinuousImprovement.Core.Training;
using Microsoft.Data.Sqlite;
using ContinuousImprovement.Local.Adapters;
using ContinuousImprovement.Workflows.Tests.Twin;

namespace ContinuousImprovement.Workflows.Tests.Adapters;

public sealed class SqliteInferenceLogTests : IDisposable
{
    private static readonly DateTimeOffset At = new(2026, 3, 2, 10, 0, 0, TimeSpan.Zero);
    private static readonly DateOnly Day = new(2026, 3, 2);
    private static readonly HashSet<string> Random = new(["random"], StringComparer.Ordinal);
    private readonly TempFolder folder = new();
    private readonly SqliteInferenceLog log;

    public SqliteInferenceLogTests() => log = new SqliteInferenceLog(folder["log/inferences.db"]);

    public void Dispose() => folder.Dispose();

    private static InferenceRecord Record(string key, params (string Label, double Confidence)[] labels) =>
        new(key, "arn:model", new Prediction(labels.Select(l => new LabelConfidence(l.Label, l.Confidence)).ToList()), false, [], null, At);

    [Fact]
    public async Task Records_are_numbered_from_one_in_the_order_they_arrive_and_read_back_whole()
    {
        var first = await log.RecordAsync(Record("a.png", ("cat", 97.5), ("dog", double.NaN)), default);
        var second = await log.RecordAsync(Record("b.png"), default);

        var all = await log.AllAsync(default);

        Assert.Equal((1L, 2L), (first, second));
        Assert.Equal([1L, 2L], all.Select(r => r.Sequence));
        // Lists compare by reference inside records, so the reasons are compared on their own.
        Assert.Equal(Record("a.png", ("cat", 97.5), ("dog", double.NaN)) with { Reasons = all[0].Record.Reasons }, all[0].Record);
        Assert.Empty(all[0].Record.Reasons);
        Assert.Equal(Prediction.Empty, all[1].Record.Prediction);
    }

    [Fact]
    public async Task A_decision_is_added_to_its_record_and_written_again_replaces_it()
    {
        var sequence = await log.RecordAsync(Record("a.png", ("cat", 40)), default);

        await log.RecordDecisionAsync(sequence, true, ["first"], "loop-1", default);
        await log.RecordDecisionAsync(sequence, true, ["below-threshold: 40 < 70"], "loop-1", default);
        var missing = await Assert.ThrowsAsync<PortException>(() => log.RecordDecisionAsync(99, false, [], null, default));

        var record = Assert.Single(await log.AllAsync(default)).Record;
        Assert.Equal((true, "loop-1"), (record.SentToHuman, record.HumanLoopName));
        Assert.Equal(["below-threshold: 40 < 70"], record.Reasons);
        Assert.Equal(PortFailure.NotFound, missing.Failure);
    }

    [Fact]
    public async Task A_human_label_goes_to_the_images_newest_record()
    {
        await log.RecordAsync(Record("a.png", ("cat", 40)), default);
        await log.RecordAsync(Record("a.png", ("cat", 45)), default);

        await log.RecordHumanLabelAsync("a.png", "dog", default);
        var unknown = await Assert.ThrowsAsync<PortException>(() => log.RecordHumanLabelAsync("nobody.png", "dog", default));

        Assert.Equal([null, "dog"], (await log.AllAsync(default)).Select(r => r.Record.HumanLabel));
        Assert.Equal(PortFailure.NotFound, unknown.Failure);
    }

    [Fact]
    public async Task Reservations_stop_at_the_cap_and_start_again_on_the_next_utc_day()
    {
        var today = new[] { await log.TryReserveHumanLoopAsync(Day, 2, default), await log.TryReserveHumanLoopAsync(Day, 2, default), await log.TryReserveHumanLoopAsync(Day, 2, default) };
        var tomorrow = await log.TryReserveHumanLoopAsync(Day.AddDays(1), 2, default);

        Assert.Equal([true, true, false], today);
        Assert.True(tomorrow);
        Assert.Equal((2, 1), (await log.HumanLoopsOnAsync(Day, default), await log.HumanLoopsOnAsync(Day.AddDays(1), default)));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-3)]
    public async Task A_cap_of_zero_or_less_reserves_nothing(int cap)
    {
        Assert.False(await log.TryReserveHumanLoopAsync(Day, cap, default));
        Assert.Equal(0, await log.HumanLoopsOnAsync(Day, default));
    }

    [Fact]
    public async Task A_released_slot_can_be_reserved_again_and_only_that_day_gives_one_back()
    {
        await log.TryReserveHumanLoopAsync(Day, 2, default);
        await log.TryReserveHumanLoopAsync(Day, 2, default);
        await log.TryReserveHumanLoopAsync(Day.AddDays(1), 2, default);

        var released = await log.ReleaseHumanLoopAsync(Day, default);

        Assert.True(released);
        Assert.Equal((1, 1), (await log.HumanLoopsOnAsync(Day, default), await log.HumanLoopsOnAsync(Day.AddDays(1), default)));
        Assert.True(await log.TryReserveHumanLoopAsync(Day, 2, default));
        Assert.False(await log.TryReserveHumanLoopAsync(Day, 2, default));
    }

    [Fact]
    public async Task Releasing_never_takes_a_day_below_zero()
    {
        await log.TryReserveHumanLoopAsync(Day, 3, default);

        var results = new[] { await log.ReleaseHumanLoopAsync(Day, default), await log.ReleaseHumanLoopAsync(Day, default), await log.ReleaseHumanLoopAsync(Day.AddDays(2), default) };

        Assert.Equal([true, false, false], results);
        Assert.Equal((0, 0), (await log.HumanLoopsOnAsync(Day, default), await log.HumanLoopsOnAsync(Day.AddDays(2), default)));
    }

    [Fact]
    public async Task Concurrent_reservations_from_two_logs_on_one_file_never_pass_the_cap()
    {
        var other = new SqliteInferenceLog(folder["log/inferences.db"]);

        var results = await Task.WhenAll(Enumerable.Range(0, 60).Select(i => Task.Run(() => (i % 2 == 0 ? log : other).TryReserveHumanLoopAsync(Day, 7, default))));

        Assert.Equal(7, results.Count(r => r));
        Assert.Equal(7, await log.HumanLoopsOnAsync(Day, default));
    }

    [Fact]
    public async Task Confident_detections_are_the_unsent_ones_at_or_above_the_minimum_with_audited_ones_kept_and_flagged()
    {
        await log.RecordAsync(Record("confident.png", ("cat", 97.5)), default);
        await log.RecordAsync(Record("at-minimum.png", ("dog", 70)), default);
        await log.RecordAsync(Record("unsure.png", ("cat", 69.9)), default);
        await log.RecordAsync(Record("nothing.png"), default);
        var sent = await log.RecordAsync(Record("sent.png", ("cat", 95)), default);
        await log.RecordDecisionAsync(sent, true, ["random: draw 0.01 < 0.05"], "loop-sent", default);
        var audited = await log.RecordAsync(Record("audited.png", ("cat", 96)), default);
        await log.RecordAuditAsync(audited, ["audit-sampling: inference #6"], "loop-audited", default);

        var read = await log.ConfidentDetectionsAsync(0, 70, At.AddMinutes(1), 100, default);

        Assert.Equal([(1L, "confident.png", false), (2L, "at-minimum.png", false), (6L, "audited.png", true)], read.Detections.Select(d => (d.SequenceNumber, d.Record.ImageKey, d.Audited)));
        Assert.Equal((6L, false), (read.ExaminedThrough, read.More));
        Assert.Equal(("loop-audited", true), (read.Detections[2].Record.HumanLoopName, read.Detections[2].Record.SentToHuman));
        Assert.Equal(["audit-sampling: inference #6"], read.Detections[2].Record.Reasons);
    }

    [Fact]
    public async Task Confident_detections_are_read_in_windows_of_the_limit_from_the_cursor()
    {
        for (var i = 1; i <= 5; i++)
        {
            await log.RecordAsync(Record($"c{i}.png", ("cat", i == 2 ? 10 : 90)), default);
        }

        var first = await log.ConfidentDetectionsAsync(0, 70, At.AddMinutes(1), 3, default);
        var second = await log.ConfidentDetectionsAsync(first.ExaminedThrough, 70, At.AddMinutes(1), 3, default);
        var none = await log.ConfidentDetectionsAsync(5, 70, At.AddMinutes(1), 3, default);
        var zero = await log.ConfidentDetectionsAsync(1, 70, At.AddMinutes(1), 0, default);

        Assert.Equal([1L, 3L], first.Detections.Select(d => d.SequenceNumber));
        Assert.Equal((3L, true), (first.ExaminedThrough, first.More));
        Assert.Equal([4L, 5L], second.Detections.Select(d => d.SequenceNumber));
        Assert.Equal((5L, false), (second.ExaminedThrough, second.More));
        Assert.Equal((0, 5L, false), (none.Detections.Count, none.ExaminedThrough, none.More));
        Assert.Equal((0, 1L, false), (zero.Detections.Count, zero.ExaminedThrough, zero.More));
    }

    [Fact]
    public async Task The_read_stops_before_the_first_prediction_too_recent_to_have_its_decision()
    {
        await log.RecordAsync(Record("old.png", ("cat", 90)), default);
        await log.RecordAsync(Record("recent.png", ("cat", 90)) with { At = At.AddMinutes(10) }, default);
        await log.RecordAsync(Record("old-again.png", ("cat", 90)), default);

        var read = await log.ConfidentDetectionsAsync(0, 70, At.AddMinutes(5), 100, default);

        Assert.Equal(["old.png"], read.Detections.Select(d => d.Record.ImageKey));
        Assert.Equal((1L, false), (read.ExaminedThrough, read.More));
    }

    [Fact]
    public async Task An_audit_is_recorded_on_its_prediction_and_written_again_replaces_it()
    {
        var sequence = await log.RecordAsync(Record("a.png", ("cat", 90)), default);

        await log.RecordAuditAsync(sequence, ["first"], "loop-a", default);
        await log.RecordAuditAsync(sequence, ["audit-sampling: again"], "loop-a", default);
        var missing = await Assert.ThrowsAsync<PortException>(() => log.RecordAuditAsync(99, [], "loop-x", default));

        var record = Assert.Single(await log.AllAsync(default)).Record;
        Assert.Equal((true, "loop-a"), (record.SentToHuman, record.HumanLoopName));
        Assert.Equal(["audit-sampling: again"], record.Reasons);
        Assert.Equal(PortFailure.NotFound, missing.Failure);
    }

    [Fact]
    public async Task The_audit_cursor_moves_only_from_the_value_it_was_read_at()
    {
        var initially = await log.AuditCursorAsync(default);
        var created = await log.TryMoveAuditCursorAsync(null, new AuditCursor(10, 2), default);
        var createdTwice = await log.TryMoveAuditCursorAsync(null, new AuditCursor(11, 0), default);
        var stale = await log.TryMoveAuditCursorAsync(new AuditCursor(10, 1), new AuditCursor(12, 0), default);
        var moved = await log.TryMoveAuditCursorAsync(new AuditCursor(10, 2), new AuditCursor(20, 5), default);

        Assert.Null(initially);
        Assert.Equal((true, false, false, true), (created, createdTwice, stale, moved));
        Assert.Equal(new AuditCursor(20, 5), await log.AuditCursorAsync(default));
        Assert.Equal(new AuditCursor(20, 5), await new SqliteInferenceLog(folder["log/inferences.db"]).AuditCursorAsync(default));
    }

    [Fact]
    public async Task Concurrent_moves_from_the_same_cursor_let_exactly_one_through()
    {
        await log.TryMoveAuditCursorAsync(null, new AuditCursor(1, 0), default);
        var other = new SqliteInferenceLog(folder["log/inferences.db"]);

        var results = await Task.WhenAll(Enumerable.Range(0, 20).Select(i => Task.Run(() => (i % 2 == 0 ? log : other).TryMoveAuditCursorAsync(new AuditCursor(1, 0), new AuditCursor(2 + i, 0), default))));

        Assert.Equal(1, results.Count(r => r));
    }

    [Fact]
    public async Task A_models_confusion_counts_human_label_against_top_label_for_that_version_only()
    {
        async Task LabeledAsync(string key, string model, (string, double)[] labels, string? human)
        {
            await log.RecordAsync(Record(key, labels) with { ModelVersionArn = model, Reasons = ["random: draw vs rate: 0.01 < 0.05 (seed 7)"] }, default);
            if (human is not null)
            {
                await log.RecordHumanLabelAsync(key, human, default);
            }
        }

        await LabeledAsync("a.png", "arn:v1", [("cat", 90)], "cat");
        await LabeledAsync("b.png", "arn:v1", [("cat", 80)], "cat");
        await LabeledAsync("c.png", "arn:v1", [("cat", 95)], "dog");
        await LabeledAsync("d.png", "arn:v1", [], "dog");
        await LabeledAsync("e.png", "arn:v1", [("dog", 99)], null);
        await LabeledAsync("f.png", "arn:v2", [("dog", 99)], "cat");

        var confusion = await log.ConfusionAsync("arn:v1", Random, default);
        var unknown = await log.ConfusionAsync("arn:none", Random, default);

        Assert.Equal([new ConfusionCell("cat", "cat", 2), new ConfusionCell("dog", null, 1), new ConfusionCell("dog", "cat", 1)], confusion.Cells);
        Assert.Equal(("arn:v1", 4, 2), (confusion.ModelVersionArn, confusion.Total, confusion.Agreed));
        Assert.Equal(0.5, confusion.Evaluation().Accuracy);
        Assert.Empty(unknown.Cells);
    }

    [Fact]
    public async Task A_log_file_from_before_audits_gains_the_audited_column_and_keeps_its_records()
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
                    human_loop_name TEXT, at TEXT NOT NULL, human_label TEXT);
                INSERT INTO inferences (image_key, model_version_arn, labels, top_label, top_confidence, sent_to_human, reasons, at)
                VALUES ('old.png', 'arn:model', '[{"label":"cat","confidence":91}]', 'cat', 91, 0, '[]', '2026-03-02T10:00:00.0000000+00:00');
                """;
            command.ExecuteNonQuery();
        }

        SqliteConnection.ClearAllPools();
        var opened = new SqliteInferenceLog(path);
        var again = new SqliteInferenceLog(path);

        var read = await again.ConfidentDetectionsAsync(0, 70, At.AddMinutes(1), 10, default);
        var detection = Assert.Single(read.Detections);
        Assert.Equal(("old.png", false, 91.0), (detection.Record.ImageKey, detection.Audited, detection.Record.Prediction.Top!.Confidence));
        await opened.RecordAuditAsync(1, ["audit-sampling"], "loop-old", default);
        Assert.True(Assert.Single((await again.ConfidentDetectionsAsync(0, 70, At.AddMinutes(1), 10, default)).Detections).Audited);
    }
}
