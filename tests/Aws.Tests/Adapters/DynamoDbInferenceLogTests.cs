using ContinuousImprovement.Aws.Adapters;
using ContinuousImprovement.Aws.Tests.Peers;
using ContinuousImprovement.Core.Ports;
using ContinuousImprovement.Core.Sampling;

namespace ContinuousImprovement.Aws.Tests.Adapters;

/// <summary>The DynamoDB inference log against a real dynalite, each test on its own table.</summary>
public sealed class DynamoDbInferenceLogTests(DynaliteFixture dynamo) : IClassFixture<DynaliteFixture>
{
    private static readonly DateTimeOffset At = new(2026, 11, 26, 8, 30, 0, TimeSpan.Zero);
    private static readonly DateOnly Day = new(2026, 11, 26);

    private async Task<DynamoDbInferenceLog> NewLogAsync() => new(dynamo.Client, await dynamo.NewTableAsync());

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
    public async Task A_low_confidence_record_is_a_retraining_candidate_with_everything_it_was_logged_with()
    {
        var log = await NewLogAsync();
        var record = Record("uploads/low.jpg", "cat", 41.5) with { SentToHuman = true, Reasons = ["low confidence"], HumanLoopName = "loop-1" };
        await log.RecordAsync(record, CancellationToken.None);
        await log.RecordAsync(Record("uploads/high.jpg", "cat", 99), CancellationToken.None);

        var candidates = await log.RetrainingCandidatesAsync(60, 10, CancellationToken.None);

        var only = Assert.Single(candidates);
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
    public async Task A_human_label_that_differs_from_the_prediction_makes_a_candidate_and_one_that_agrees_does_not()
    {
        var log = await NewLogAsync();
        await log.RecordAsync(Record("wrong.jpg", "cat", 95), CancellationToken.None);
        await log.RecordAsync(Record("right.jpg", "cat", 95), CancellationToken.None);

        await log.RecordHumanLabelAsync("wrong.jpg", "dog", CancellationToken.None);
        await log.RecordHumanLabelAsync("right.jpg", "cat", CancellationToken.None);

        var candidate = Assert.Single(await log.RetrainingCandidatesAsync(60, 10, CancellationToken.None));
        Assert.Equal("wrong.jpg", candidate.ImageKey);
        Assert.Equal("dog", candidate.HumanLabel);
    }

    [Fact]
    public async Task The_human_label_goes_to_the_images_newest_record()
    {
        var log = await NewLogAsync();
        await log.RecordAsync(Record("same.jpg", "cat", 10, minute: 0), CancellationToken.None);
        await log.RecordAsync(Record("same.jpg", "cat", 20, minute: 1), CancellationToken.None);

        await log.RecordHumanLabelAsync("same.jpg", "dog", CancellationToken.None);

        var candidates = await log.RetrainingCandidatesAsync(60, 10, CancellationToken.None);
        Assert.Equal([("dog", 20.0), (null, 10.0)], candidates.Select(c => (c.HumanLabel, c.Prediction.Top!.Confidence)));
    }

    [Fact]
    public async Task Labeling_an_image_never_logged_is_not_found()
    {
        var log = await NewLogAsync();

        var failure = await Assert.ThrowsAsync<PortException>(() => log.RecordHumanLabelAsync("never.jpg", "cat", CancellationToken.None));

        Assert.Equal(PortFailure.NotFound, failure.Failure);
    }

    [Fact]
    public async Task Candidates_come_newest_first_up_to_the_limit()
    {
        var log = await NewLogAsync();
        for (var i = 0; i < 5; i++)
        {
            await log.RecordAsync(Record($"c{i}.jpg", "cat", 30, minute: i), CancellationToken.None);
        }

        var candidates = await log.RetrainingCandidatesAsync(60, 3, CancellationToken.None);

        Assert.Equal(["c4.jpg", "c3.jpg", "c2.jpg"], candidates.Select(c => c.ImageKey));
    }

    [Fact]
    public async Task A_decision_is_stored_on_the_record_and_a_second_one_replaces_it()
    {
        var log = await NewLogAsync();
        var sequence = await log.RecordAsync(Record("d.jpg", "cat", 20), CancellationToken.None);

        await log.RecordDecisionAsync(sequence, true, ["low confidence", "audit"], "loop-d", CancellationToken.None);
        await log.RecordDecisionAsync(sequence, false, ["cap reached"], null, CancellationToken.None);

        var stored = Assert.Single(await log.RetrainingCandidatesAsync(60, 10, CancellationToken.None));
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
}
