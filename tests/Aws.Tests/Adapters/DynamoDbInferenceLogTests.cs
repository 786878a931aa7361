using ContinuousImprovement.Aws.Adapters;
using Amazon.DynamoDBv2.Model;
using ContinuousImprovement.Aws.Tests.Peers;
using ContinuousImprovement.Core.Audit;
using ContinuousImprovement.Core.Ports;
using ContinuousImprovement.Core.Sampling;
using ContinuousImprovement.Core.Storage;
using ContinuousImprovement.Core.Training;

namespace ContinuousImprovement.Aws.Tests.Adapters;

/// <summary>The DynamoDB inference log against a real dynalite, each test on its own table.</summary>
public sealed class DynamoDbInferenceLogTests(DynaliteFixture dynamo) : IClassFixture<DynaliteFixture>
{
    private static readonly DateTimeOffset At = new(2026, 11, 26, 8, 30, 0, TimeSpan.Zero);
    private static readonly DateOnly Day = new(2026, 11, 26);

    private async Task<DynamoDbInferenceLog> NewLogAsync() => new(dynamo.Client, await dynamo.NewTableAsync());

    private async Task<(DynamoDbInferenceLog Log, string Table)> NewLogAndTableAsync()
    {
        var table = await dynamo.NewTableAsync();
        return (new DynamoDbInferenceLog(dynamo.Client, table), table);
    }

    // An image's records as stored, newest first, read straight off the table.
    private async Task<List<InferenceRecord>> StoredAsync(string table, string imageKey)
    {
        var items = await dynamo.Client.QueryAsync(new QueryRequest
        {
            TableName = table,
            KeyConditionExpression = "PK = :pk",
            ExpressionAttributeValues = new() { [":pk"] = new() { S = DynamoDbInferenceLog.ImagePk(imageKey) } },
            ScanIndexForward = false,
            ConsistentRead = true,
        });
        return items.Items.Select(DynamoDbInferenceLog.Record).ToList();
    }

    // What a RecordAsync that failed after taking its number leaves: the counter moved, nothing written.
    private Task<UpdateItemResponse> TakeNumberAsync(string table) =>
        dynamo.Client.UpdateItemAsync(new UpdateItemRequest
        {
            TableName = table,
            Key = new() { ["PK"] = new() { S = "COUNTER" }, ["SK"] = new() { S = "SEQUENCE" } },
            UpdateExpression = "ADD #n :one",
            ExpressionAttributeNames = new() { ["#n"] = "n" },
            ExpressionAttributeValues = new() { [":one"] = new() { N = "1" } },
        });

    private static InferenceRecord Record(string key, string label, double confidence, int minute = 0, string? humanLabel = null) =>
        new(key, "arn:aws:rekognition:us-east-1:111122223333:project/p/version/v1/1", new Prediction([new(label, confidence), new("other", confidence / 4)]), false, [], null, At.AddMinutes(minute), humanLabel);

    [Fact]
    public async Task Records_get_consecutive_sequence_numbers_from_one()
    {
        var log = await NewLogAsync();

        var numbers = new List<long>();
        for (var i = 0; i < 3; i++)
        {
            numbers.Add(await log.RecordAsync(Record($"k{i}.jpg", "cat", 90), CancellationToken.None));
        }

        Assert.Equal(new long[] { 1, 2, 3 }, numbers);
    }

    [Fact]
    public async Task Parallel_records_get_distinct_sequence_numbers()
    {
        var log = await NewLogAsync();

        var numbers = await Task.WhenAll(Enumerable.Range(0, 25).Select(i => log.RecordAsync(Record($"p{i}.jpg", "cat", 90), CancellationToken.None)));

        Assert.Equal(Enumerable.Range(1, 25).Select(i => (long)i), numbers.Order());
    }

    [Fact]
    public async Task A_record_is_stored_with_everything_it_was_logged_with()
    {
        var (log, table) = await NewLogAndTableAsync();
        var record = Record("uploads/low.jpg", "cat", 41.5) with { SentToHuman = true, Reasons = ["low confidence"], HumanLoopName = "loop-1" };
        await log.RecordAsync(record, CancellationToken.None);

        var only = Assert.Single(await StoredAsync(table, "uploads/low.jpg"));

        Assert.Equal(record.ImageKey, only.ImageKey);
        Assert.Equal(record.ModelVersionArn, only.ModelVersionArn);
        Assert.Equal(record.Prediction, only.Prediction);
        Assert.True(only.SentToHuman);
        Assert.Equal(["low confidence"], only.Reasons);
        Assert.Equal("loop-1", only.HumanLoopName);
        Assert.Equal(record.At, only.At);
        Assert.Null(only.HumanLabel);
    }

    [Fact]
    public async Task The_human_label_goes_to_the_images_newest_record()
    {
        var (log, table) = await NewLogAndTableAsync();
        await log.RecordAsync(Record("same.jpg", "cat", 10, minute: 0), CancellationToken.None);
        await log.RecordAsync(Record("same.jpg", "cat", 20, minute: 1), CancellationToken.None);

        await log.RecordHumanLabelAsync("same.jpg", "dog", CancellationToken.None);

        var stored = await StoredAsync(table, "same.jpg");
        Assert.Equal([("dog", 20.0), (null, 10.0)], stored.Select(c => (c.HumanLabel, c.Prediction.Top!.Confidence)));
    }

    [Fact]
    public async Task Only_human_labeled_predictions_enter_the_labeled_by_model_index_under_their_model_version()
    {
        var (log, table) = await NewLogAndTableAsync();
        await log.RecordAsync(Record("labeled.jpg", "cat", 95), CancellationToken.None);
        await log.RecordAsync(Record("unlabeled.jpg", "cat", 95), CancellationToken.None);
        await log.RecordAsync(Record("logged-with-label.jpg", "cat", 95, humanLabel: "cat"), CancellationToken.None);
        await log.RecordHumanLabelAsync("labeled.jpg", "dog", CancellationToken.None);

        var indexed = await dynamo.Client.ScanAsync(new ScanRequest { TableName = table, IndexName = TableLayout.LabeledByModelIndex });

        Assert.Equal(
            [("cat", "arn:aws:rekognition:us-east-1:111122223333:project/p/version/v1/1"), ("dog", "arn:aws:rekognition:us-east-1:111122223333:project/p/version/v1/1")],
            indexed.Items.Select(i => (i["HumanLabel"].S, i[TableLayout.LabeledModel].S)).Order());
    }

    [Fact]
    public async Task Labeling_an_image_never_logged_is_not_found()
    {
        var log = await NewLogAsync();

        var failure = await Assert.ThrowsAsync<PortException>(() => log.RecordHumanLabelAsync("never.jpg", "cat", CancellationToken.None));

        Assert.Equal(PortFailure.NotFound, failure.Failure);
    }

    [Fact]
    public async Task A_decision_is_stored_on_the_record_and_a_second_one_replaces_it()
    {
        var (log, table) = await NewLogAndTableAsync();
        var sequence = await log.RecordAsync(Record("d.jpg", "cat", 20), CancellationToken.None);

        await log.RecordDecisionAsync(sequence, true, ["low confidence", "audit"], "loop-d", CancellationToken.None);
        await log.RecordDecisionAsync(sequence, false, ["cap reached"], null, CancellationToken.None);

        var stored = Assert.Single(await StoredAsync(table, "d.jpg"));
        Assert.False(stored.SentToHuman);
        Assert.Equal(["cap reached"], stored.Reasons);
        Assert.Null(stored.HumanLoopName);
    }

    [Fact]
    public async Task A_decision_for_an_unknown_sequence_number_is_not_found()
    {
        var log = await NewLogAsync();

        var failure = await Assert.ThrowsAsync<PortException>(() => log.RecordDecisionAsync(42, true, [], null, CancellationToken.None));

        Assert.Equal(PortFailure.NotFound, failure.Failure);
    }

    [Fact]
    public async Task Reservations_succeed_up_to_the_cap_then_fail_and_each_day_counts_apart()
    {
        var log = await NewLogAsync();

        var today = new List<bool>();
        for (var i = 0; i < 4; i++)
        {
            today.Add(await log.TryReserveHumanLoopAsync(Day, 3, CancellationToken.None));
        }

        Assert.Equal([true, true, true, false], today);
        Assert.True(await log.TryReserveHumanLoopAsync(Day.AddDays(1), 3, CancellationToken.None));
    }

    [Fact]
    public async Task A_cap_of_zero_reserves_nothing()
    {
        var log = await NewLogAsync();

        Assert.False(await log.TryReserveHumanLoopAsync(Day, 0, CancellationToken.None));
    }

    [Fact]
    public async Task Many_parallel_reservations_against_a_cap_let_exactly_cap_through()
    {
        var log = await NewLogAsync();

        var results = await Task.WhenAll(Enumerable.Range(0, 40).Select(_ => Task.Run(() => log.TryReserveHumanLoopAsync(Day, 7, CancellationToken.None))));

        Assert.Equal(7, results.Count(r => r));
        Assert.False(await log.TryReserveHumanLoopAsync(Day, 7, CancellationToken.None));
    }

    [Fact]
    public async Task A_released_slot_can_be_reserved_again_and_only_that_day_gives_one_back()
    {
        var log = await NewLogAsync();
        await log.TryReserveHumanLoopAsync(Day, 2, CancellationToken.None);
        await log.TryReserveHumanLoopAsync(Day, 2, CancellationToken.None);
        await log.TryReserveHumanLoopAsync(Day.AddDays(1), 2, CancellationToken.None);

        var released = await log.ReleaseHumanLoopAsync(Day, CancellationToken.None);

        Assert.True(released);
        Assert.Equal((1, 1), (await log.HumanLoopsOnAsync(Day, CancellationToken.None), await log.HumanLoopsOnAsync(Day.AddDays(1), CancellationToken.None)));
        Assert.True(await log.TryReserveHumanLoopAsync(Day, 2, CancellationToken.None));
        Assert.False(await log.TryReserveHumanLoopAsync(Day, 2, CancellationToken.None));
    }

    [Fact]
    public async Task Releasing_never_takes_a_day_below_zero()
    {
        var log = await NewLogAsync();
        await log.TryReserveHumanLoopAsync(Day, 3, CancellationToken.None);

        var results = new[]
        {
            await log.ReleaseHumanLoopAsync(Day, CancellationToken.None),
            await log.ReleaseHumanLoopAsync(Day, CancellationToken.None),
            await log.ReleaseHumanLoopAsync(Day.AddDays(2), CancellationToken.None),
        };

        Assert.Equal([true, false, false], results);
        Assert.Equal((0, 0), (await log.HumanLoopsOnAsync(Day, CancellationToken.None), await log.HumanLoopsOnAsync(Day.AddDays(2), CancellationToken.None)));
    }

    [Fact]
    public async Task A_missing_table_is_a_not_found_failure()
    {
        var log = new DynamoDbInferenceLog(dynamo.Client, "no-such-table");

        var failure = await Assert.ThrowsAsync<PortException>(() => log.RecordAsync(Record("x.jpg", "cat", 1), CancellationToken.None));

        Assert.Equal(PortFailure.NotFound, failure.Failure);
    }

    [Fact]
    public async Task The_digest_keeps_a_notification_under_the_digest_partition()
    {
        var table = await dynamo.NewTableAsync();
        var digest = new DynamoDbNotificationDigest(dynamo.Client, table);

        await digest.AddAsync(new Notification("ModelDeployed", "Model v2 is live", "F1 0.91", At), CancellationToken.None);

        var items = await dynamo.Client.QueryAsync(new Amazon.DynamoDBv2.Model.QueryRequest
        {
            TableName = table,
            KeyConditionExpression = "PK = :pk",
            ExpressionAttributeValues = new() { [":pk"] = new() { S = DynamoDbNotificationDigest.PartitionKey } },
        });
        var item = Assert.Single(items.Items);
        Assert.Equal("ModelDeployed", item["Kind"].S);
        Assert.Equal("Model v2 is live", item["Subject"].S);
        Assert.StartsWith("2026-11-26T08:30:00.0000000+00:00#", item["SK"].S, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Confident_detections_are_the_unsent_ones_at_or_above_the_minimum_with_audited_ones_kept_and_flagged()
    {
        var log = await NewLogAsync();
        await log.RecordAsync(Record("confident.jpg", "cat", 97.5), CancellationToken.None);
        await log.RecordAsync(Record("at-minimum.jpg", "dog", 70), CancellationToken.None);
        await log.RecordAsync(Record("unsure.jpg", "cat", 69.9), CancellationToken.None);
        await log.RecordAsync(Record("nothing.jpg", "cat", 0) with { Prediction = Prediction.Empty }, CancellationToken.None);
        var sent = await log.RecordAsync(Record("sent.jpg", "cat", 95), CancellationToken.None);
        await log.RecordDecisionAsync(sent, true, ["random"], "loop-sent", CancellationToken.None);
        var audited = await log.RecordAsync(Record("audited.jpg", "cat", 96), CancellationToken.None);
        await log.RecordAuditAsync(audited, ["audit-sampling: inference #6"], "loop-audited", CancellationToken.None);

        var read = await log.ConfidentDetectionsAsync(0, 70, At.AddHours(1), 100, CancellationToken.None);

        Assert.Equal([(1L, "confident.jpg", false), (2L, "at-minimum.jpg", false), (6L, "audited.jpg", true)], read.Detections.Select(d => (d.SequenceNumber, d.Record.ImageKey, d.Audited)));
        Assert.Equal((6L, false), (read.ExaminedThrough, read.More));
        var auditedRecord = read.Detections[2].Record;
        Assert.Equal((true, "loop-audited"), (auditedRecord.SentToHuman, auditedRecord.HumanLoopName));
        Assert.Equal(["audit-sampling: inference #6"], auditedRecord.Reasons);
    }

    [Fact]
    public async Task Confident_detections_are_read_in_windows_of_the_limit_across_batches_of_a_hundred()
    {
        var log = await NewLogAsync();
        await Task.WhenAll(Enumerable.Range(0, 130).Select(i => log.RecordAsync(Record($"w{i}.jpg", "cat", 90), CancellationToken.None)));

        var first = await log.ConfidentDetectionsAsync(0, 70, At.AddHours(1), 120, CancellationToken.None);
        var second = await log.ConfidentDetectionsAsync(first.ExaminedThrough, 70, At.AddHours(1), 120, CancellationToken.None);

        Assert.Equal(Enumerable.Range(1, 120).Select(i => (long)i), first.Detections.Select(d => d.SequenceNumber));
        Assert.Equal((120L, true), (first.ExaminedThrough, first.More));
        Assert.Equal(Enumerable.Range(121, 10).Select(i => (long)i), second.Detections.Select(d => d.SequenceNumber));
        Assert.Equal((130L, false), (second.ExaminedThrough, second.More));
    }

    [Fact]
    public async Task The_read_stops_before_the_first_prediction_too_recent_to_have_its_decision()
    {
        var log = await NewLogAsync();
        await log.RecordAsync(Record("old.jpg", "cat", 90), CancellationToken.None);
        await log.RecordAsync(Record("recent.jpg", "cat", 90, minute: 30), CancellationToken.None);
        await log.RecordAsync(Record("old-again.jpg", "cat", 90), CancellationToken.None);

        var read = await log.ConfidentDetectionsAsync(0, 70, At.AddMinutes(15), 100, CancellationToken.None);

        Assert.Equal(["old.jpg"], read.Detections.Select(d => d.Record.ImageKey));
        Assert.Equal((1L, false), (read.ExaminedThrough, read.More));
    }

    [Fact]
    public async Task A_number_never_written_is_passed_over_once_a_later_prediction_settled_and_waited_for_otherwise()
    {
        var (log, table) = await NewLogAndTableAsync();
        await log.RecordAsync(Record("one.jpg", "cat", 90), CancellationToken.None);
        await TakeNumberAsync(table);

        var before = await log.ConfidentDetectionsAsync(0, 70, At.AddHours(1), 100, CancellationToken.None);
        await log.RecordAsync(Record("three.jpg", "cat", 90), CancellationToken.None);
        var after = await log.ConfidentDetectionsAsync(before.ExaminedThrough, 70, At.AddHours(1), 100, CancellationToken.None);

        Assert.Equal((1L, false), (before.ExaminedThrough, before.More));
        Assert.Equal([3L], after.Detections.Select(d => d.SequenceNumber));
        Assert.Equal(3L, after.ExaminedThrough);
    }

    [Fact]
    public async Task Predictions_after_the_cursor_only_and_an_empty_log_reads_nothing()
    {
        var log = await NewLogAsync();
        var empty = await log.ConfidentDetectionsAsync(0, 70, At.AddHours(1), 10, CancellationToken.None);
        for (var i = 0; i < 4; i++)
        {
            await log.RecordAsync(Record($"a{i}.jpg", "cat", 90), CancellationToken.None);
        }

        var read = await log.ConfidentDetectionsAsync(2, 70, At.AddHours(1), 10, CancellationToken.None);

        Assert.Equal((0, 0L, false), (empty.Detections.Count, empty.ExaminedThrough, empty.More));
        Assert.Equal([3L, 4L], read.Detections.Select(d => d.SequenceNumber));
    }

    [Fact]
    public async Task An_audit_for_an_unknown_sequence_number_is_not_found()
    {
        var log = await NewLogAsync();

        var failure = await Assert.ThrowsAsync<PortException>(() => log.RecordAuditAsync(7, [], "loop-7", CancellationToken.None));

        Assert.Equal(PortFailure.NotFound, failure.Failure);
    }

    [Fact]
    public async Task The_audit_cursor_moves_only_from_the_value_it_was_read_at()
    {
        var log = await NewLogAsync();

        var initially = await log.AuditCursorAsync(CancellationToken.None);
        var created = await log.TryMoveAuditCursorAsync(null, new AuditCursor(10, 2), CancellationToken.None);
        var createdTwice = await log.TryMoveAuditCursorAsync(null, new AuditCursor(11, 0), CancellationToken.None);
        var stale = await log.TryMoveAuditCursorAsync(new AuditCursor(10, 1), new AuditCursor(12, 0), CancellationToken.None);
        var moved = await log.TryMoveAuditCursorAsync(new AuditCursor(10, 2), new AuditCursor(20, 5), CancellationToken.None);

        Assert.Null(initially);
        Assert.Equal((true, false, false, true), (created, createdTwice, stale, moved));
        Assert.Equal(new AuditCursor(20, 5), await log.AuditCursorAsync(CancellationToken.None));
    }

    [Fact]
    public async Task Parallel_moves_from_the_same_cursor_let_exactly_one_through()
    {
        var log = await NewLogAsync();
        await log.TryMoveAuditCursorAsync(null, new AuditCursor(1, 0), CancellationToken.None);

        var results = await Task.WhenAll(Enumerable.Range(0, 20).Select(i => Task.Run(() => log.TryMoveAuditCursorAsync(new AuditCursor(1, 0), new AuditCursor(2 + i, 0), CancellationToken.None))));

        Assert.Equal(1, results.Count(r => r));
    }

    [Fact]
    public async Task Human_loops_reserved_are_counted_per_day()
    {
        var log = await NewLogAsync();
        await log.TryReserveHumanLoopAsync(Day, 5, CancellationToken.None);
        await log.TryReserveHumanLoopAsync(Day, 5, CancellationToken.None);

        Assert.Equal((2, 0), (await log.HumanLoopsOnAsync(Day, CancellationToken.None), await log.HumanLoopsOnAsync(Day.AddDays(1), CancellationToken.None)));
    }

    [Fact]
    public async Task A_models_confusion_counts_human_label_against_top_label_for_that_version_only()
    {
        var log = await NewLogAsync();
        async Task LabeledAsync(string key, string model, Prediction prediction, string? human)
        {
            await log.RecordAsync(Record(key, "x", 1) with { ModelVersionArn = model, Prediction = prediction, Reasons = ["random: draw vs rate: 0.01 < 0.05 (seed 7)"] }, CancellationToken.None);
            if (human is not null)
            {
                await log.RecordHumanLabelAsync(key, human, CancellationToken.None);
            }
        }

        await LabeledAsync("a.jpg", "arn:v1", new Prediction([new("cat", 90)]), "cat");
        await LabeledAsync("b.jpg", "arn:v1", new Prediction([new("cat", 80)]), "cat");
        await LabeledAsync("c.jpg", "arn:v1", new Prediction([new("cat", 95)]), "dog");
        await LabeledAsync("d.jpg", "arn:v1", Prediction.Empty, "dog");
        await LabeledAsync("e.jpg", "arn:v1", new Prediction([new("dog", 99)]), null);
        await LabeledAsync("f.jpg", "arn:v2", new Prediction([new("dog", 99)]), "cat");

        var random = new HashSet<string>(["random"], StringComparer.Ordinal);
        var confusion = await log.ConfusionAsync("arn:v1", random, CancellationToken.None);

        Assert.Equal([new ConfusionCell("cat", "cat", 2), new ConfusionCell("dog", null, 1), new ConfusionCell("dog", "cat", 1)], confusion.Cells);
        Assert.Equal((4, 2), (confusion.Total, confusion.Agreed));
        Assert.Empty((await log.ConfusionAsync("arn:none", random, CancellationToken.None)).Cells);
    }
}
