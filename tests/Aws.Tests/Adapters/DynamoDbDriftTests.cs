using Amazon.DynamoDBv2.Model;
using Amazon.Runtime;
using ContinuousImprovement.Aws.Adapters;
using ContinuousImprovement.Aws.Tests.Peers;
using ContinuousImprovement.Core.Drift;
using ContinuousImprovement.Core.Ports;
using ContinuousImprovement.Core.Sampling;
using ContinuousImprovement.Core.Training;

namespace ContinuousImprovement.Aws.Tests.Adapters;

/// <summary>What the drift check reads and writes in the DynamoDB inference log, against a real dynalite.</summary>
public sealed class DynamoDbDriftTests(DynaliteFixture dynamo) : IClassFixture<DynaliteFixture>
{
    private static readonly DateTimeOffset At = new(2026, 11, 26, 8, 30, 0, TimeSpan.Zero);
    private static readonly HashSet<string> Unbiased = new(LabelSources.Unbiased, StringComparer.Ordinal);

    private async Task<DynamoDbInferenceLog> NewLogAsync() => new(dynamo.Client, await dynamo.NewTableAsync());

    private static async Task LabeledAsync(DynamoDbInferenceLog log, string key, string model, string? human, params string[] reasons)
    {
        await log.RecordAsync(new InferenceRecord(key, model, new Prediction([new LabelConfidence("cat", 90)]), reasons.Length > 0, reasons, null, At), CancellationToken.None);
        if (human is not null)
        {
            await log.RecordHumanLabelAsync(key, human, CancellationToken.None);
        }
    }

    [Fact]
    public async Task The_picked_confusion_counts_only_the_versions_human_labels_of_images_a_source_picked()
    {
        var log = await NewLogAsync();
        await LabeledAsync(log, "random-agree.png", "arn:v2", "cat", "random: draw vs rate: 0.01 < 0.05 (seed 7)");
        await LabeledAsync(log, "audit-miss.png", "arn:v2", "dog", "audit-sampling: inference #2 is confident detection 3 since the last audit pick (interval 3)");
        await LabeledAsync(log, "both.png", "arn:v2", "dog", "below-threshold: top confidence 41.7 < 70 (cat)", "random: draw vs rate: 0.02 < 0.05 (seed 7)");
        await LabeledAsync(log, "uncertain.png", "arn:v2", "dog", "below-threshold: top confidence 41.7 < 70 (cat)");
        await LabeledAsync(log, "unlabeled.png", "arn:v2", null, "random: draw vs rate: 0.03 < 0.05 (seed 7)");
        await LabeledAsync(log, "other-version.png", "arn:v1", "dog", "random: draw vs rate: 0.04 < 0.05 (seed 7)");

        var picked = await log.ConfusionAsync("arn:v2", Unbiased, CancellationToken.None);

        Assert.Equal([new ConfusionCell("cat", "cat", 1), new ConfusionCell("dog", "cat", 2)], picked.Cells);
        Assert.Equal((3, 1), (picked.Total, picked.Agreed));
    }

    [Fact]
    public async Task A_drift_alert_is_stored_by_compare_and_set_per_version()
    {
        var log = await NewLogAsync();
        var first = new DriftAlert("arn:v2", 60, 40, At);
        var second = new DriftAlert("arn:v2", 120, 75, At.AddDays(1));

        var created = await log.TryRecordDriftAlertAsync(null, first, CancellationToken.None);
        var createdTwice = await log.TryRecordDriftAlertAsync(null, second, CancellationToken.None);
        var wrongExpected = await log.TryRecordDriftAlertAsync(second, second, CancellationToken.None);
        var moved = await log.TryRecordDriftAlertAsync(first, second, CancellationToken.None);

        Assert.Equal((true, false, false, true), (created, createdTwice, wrongExpected, moved));
        Assert.Equal(second, await log.DriftAlertAsync("arn:v2", CancellationToken.None));
        Assert.Null(await log.DriftAlertAsync("arn:v1", CancellationToken.None));
    }

    [Fact]
    public async Task Drift_alerts_are_not_predictions_so_confusions_and_confident_detections_never_see_them()
    {
        var log = await NewLogAsync();
        await log.TryRecordDriftAlertAsync(null, new DriftAlert("arn:v2", 60, 40, At), CancellationToken.None);

        var confusion = await log.ConfusionAsync("arn:v2", Unbiased, CancellationToken.None);
        var confident = await log.ConfidentDetectionsAsync(0, 0, At.AddDays(1), 10, CancellationToken.None);

        Assert.Empty(confusion.Cells);
        Assert.Empty(confident.Detections);
    }

    [Fact]
    public async Task The_confusion_read_examines_only_the_versions_labeled_predictions_however_large_the_log()
    {
        var log = await NewLogAsync();
        for (var i = 0; i < 100; i++)
        {
            // A busy log: the version's unlabeled predictions and another version's labeled ones.
            await LabeledAsync(log, $"busy-{i}.png", "arn:v2", null, "random: draw vs rate: 0.01 < 0.05 (seed 7)");
            await LabeledAsync(log, $"older-{i}.png", "arn:v1", "cat", "random: draw vs rate: 0.01 < 0.05 (seed 7)");
        }

        await LabeledAsync(log, "a.png", "arn:v2", "cat", "random: draw vs rate: 0.01 < 0.05 (seed 7)");
        await LabeledAsync(log, "b.png", "arn:v2", "dog", "audit-sampling: inference #9 is confident detection 3 since the last audit pick (interval 3)");
        await LabeledAsync(log, "c.png", "arn:v2", "dog", "below-threshold: top confidence 41.7 < 70 (cat)");
        var reads = new List<(string Operation, int Examined)>();
        void Count(object sender, ResponseEventArgs e)
        {
            switch ((e as WebServiceResponseEventArgs)?.Response)
            {
                case QueryResponse query:
                    reads.Add(("Query", query.ScannedCount ?? 0));
                    break;
                case ScanResponse scan:
                    reads.Add(("Scan", scan.ScannedCount ?? 0));
                    break;
            }
        }

        var client = (AmazonServiceClient)dynamo.Client;
        client.AfterResponseEvent += Count;
        try
        {
            var confusion = await log.ConfusionAsync("arn:v2", Unbiased, CancellationToken.None);

            Assert.Equal((2, 1), (confusion.Total, confusion.Agreed));
        }
        finally
        {
            client.AfterResponseEvent -= Count;
        }

        // The three labeled predictions of arn:v2, read from the index; none of the log's 400 other items.
        Assert.Equal([("Query", 3)], reads);
    }
}
