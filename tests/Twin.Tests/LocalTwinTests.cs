using System.Text.Json.Nodes;
using ContinuousImprovement.Asl.Runtime;
using ContinuousImprovement.Core.Ports;
using ContinuousImprovement.Core.State;
using ContinuousImprovement.Core.Storage;
using ContinuousImprovement.Handlers.Training;
using ContinuousImprovement.Local.Adapters;

namespace ContinuousImprovement.Local.Twin.Tests;

public sealed class LocalTwinTests : IAsyncLifetime, IDisposable
{
    private const string ServingArn = "arn:aws:rekognition:local-1:000000000000:project/continuous-improvement/version/v1/1700000000000";
    private static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52];

    private readonly TwinFolder folder = new();
    private readonly VirtualClock clock = new(new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero));
    private LocalTwin twin = null!;

    public async Task InitializeAsync() => twin = await OpenAsync();

    public async Task DisposeAsync() => await twin.DisposeAsync();

    // xunit disposes after DisposeAsync, so the folder outlives the twin that uses it.
    public void Dispose() => folder.Dispose();

    [Fact]
    public async Task Opening_a_twin_creates_every_catalog_parameter_with_its_default_and_the_training_schedule()
    {
        var stored = await twin.Parameters.GetByPathAsync(twin.Catalog.Prefix, default);

        Assert.Equal(twin.Catalog.Parameters.Count + 1, stored.Count);
        var poll = twin.Catalog.Parameters.Single(p => p.Name == "Automatic-Training-Poll-Frequency");
        Assert.Equal(poll.Default, stored.Single(p => p.Name == twin.Catalog.FullName(poll.Name)).Value);
        var schedule = await twin.Schedules.GetAsync("training", default);
        Assert.Equal(TimeSpan.FromMinutes(double.Parse(poll.Default, System.Globalization.CultureInfo.InvariantCulture)), schedule!.Every);
        var state = await twin.StateAsync();
        Assert.Null(state!.Serving);
        Assert.Empty(state.LastGoodParameters);
    }

    [Fact]
    public async Task An_upload_starts_detection_through_its_S3_event_and_an_uncertain_image_opens_a_human_loop()
    {
        await ServeAsync([new LocalLabel("shirt", 41.0), new LocalLabel("coat", 39.0)]);

        await twin.UploadAsync("first photo.png", Png);
        await twin.WhenIdleAsync();

        var execution = Assert.Single(twin.Journal.Summaries());
        Assert.Equal(("detection", "SUCCEEDED"), (execution.Workflow, execution.Status));
        var loop = Assert.Single(twin.Reviews.OpenLoops());
        Assert.Equal(BucketLayout.ImagesForDetection + "first photo.png", loop.Key);
        Assert.Contains("shirt", loop.Labels);
    }

    [Fact]
    public async Task A_review_output_starts_review_filing_which_files_the_image_under_the_human_label()
    {
        await ServeAsync([new LocalLabel("shirt", 41.0), new LocalLabel("coat", 39.0)]);
        await twin.UploadAsync("a.png", Png);
        await twin.WhenIdleAsync();
        var loop = Assert.Single(twin.Reviews.OpenLoops());

        await twin.Objects.PutAsync(twin.Bucket, $"{BucketLayout.ReviewOutput}{twin.Options.FlowDefinitionName}/2026/03/02/09/00/00/{loop.HumanLoopName}/output.json", Output(loop, "coat"), "application/json", null, default);
        await twin.WhenIdleAsync();

        Assert.Contains(twin.Journal.Summaries(), e => e is { Workflow: "review-filing", Status: "SUCCEEDED" });
        var filed = await ToListAsync(twin.Objects.ListAsync(twin.Bucket, BucketLayout.LabeledImages, default));
        Assert.StartsWith(BucketLayout.LabeledImages + "coat/", Assert.Single(filed).Ref.Key);
    }

    [Fact]
    public async Task Changing_the_poll_frequency_starts_parameter_apply_which_re_times_the_training_schedule()
    {
        await twin.Parameters.PutAsync(twin.Catalog.FullName("Automatic-Training-Poll-Frequency"), "15", default);
        await twin.WhenIdleAsync();

        Assert.Contains(twin.Journal.Summaries(), e => e is { Workflow: "parameter-apply", Status: "SUCCEEDED" });
        Assert.Equal(TimeSpan.FromMinutes(15), (await twin.Schedules.GetAsync("training", default))!.Every);
        Assert.Contains(twin.Outbox.Published(), n => n.Kind == "parameter-applied");
    }

    [Fact]
    public async Task A_bad_parameter_value_is_written_back_to_the_last_good_one_and_mailed_to_the_operator()
    {
        var name = twin.Catalog.FullName("Minimum-F1-Score");
        var good = (await twin.Parameters.GetAsync(name, default))!.Value;

        await twin.Parameters.PutAsync(name, "1.7", default);
        await twin.WhenIdleAsync();

        Assert.Equal(good, (await twin.Parameters.GetAsync(name, default))!.Value);
        Assert.Contains(twin.Outbox.Published(), n => n.Kind == "parameter-rejected");
        var mail = Assert.Single(Directory.GetFiles(twin.Outbox.MailFolder, "*parameter-rejected.eml"));
        Assert.Contains("Minimum-F1-Score", File.ReadAllText(mail));
    }

    [Fact]
    public async Task The_training_schedule_starts_training_once_its_period_has_passed_on_the_clock_and_not_before()
    {
        await twin.Parameters.PutAsync(twin.Catalog.FullName("Enable-Automatic-Training"), "true", default);
        await twin.WhenIdleAsync();
        var every = (await twin.Schedules.GetAsync("training", default))!.Every;

        Assert.Empty(twin.Scheduler.Tick(clock.Now + every - TimeSpan.FromSeconds(1)));
        Assert.Contains("training", twin.Scheduler.Tick(clock.Now + every));
        await twin.WhenIdleAsync();

        Assert.Contains(twin.Journal.Summaries(), e => e.Workflow == "training");
    }

    [Fact]
    public async Task Enabling_human_sampling_turns_on_the_audit_schedule_which_runs_audit_sampling()
    {
        Assert.False((await twin.Schedules.GetAsync("audit", default))!.Enabled);

        await twin.Parameters.PutAsync(twin.Catalog.FullName("Enable-Automatic-Human-Sampling"), "true", default);
        await twin.WhenIdleAsync();
        var audit = (await twin.Schedules.GetAsync("audit", default))!;
        Assert.True(audit.Enabled);
        Assert.Contains("audit", twin.Scheduler.Tick(clock.Now + audit.Every));
        await twin.WhenIdleAsync();

        Assert.Contains(twin.Journal.Summaries(), e => e is { Workflow: "audit-sampling", Status: "SUCCEEDED" });
    }

    [Fact]
    public async Task Executions_and_their_histories_are_kept_across_a_reopen_of_the_folder()
    {
        await twin.UploadAsync("pending.png", Png);
        await twin.WhenIdleAsync();
        var name = Assert.Single(twin.Journal.Summaries()).Name;
        await twin.DisposeAsync();

        twin = await OpenAsync();

        Assert.Equal(name, Assert.Single(twin.Journal.Summaries()).Name);
        var history = JsonNode.Parse(twin.Journal.History(name)!)!;
        Assert.Equal("SUCCEEDED", (string?)history["status"]);
        Assert.Equal("ExecutionStarted", (string?)history["events"]![0]!["type"]);
    }

    [Fact]
    public async Task An_operator_retry_trains_again_a_labeled_set_whose_training_failed_which_a_plain_start_skips()
    {
        await twin.Parameters.PutAsync(twin.Catalog.FullName("Enable-Automatic-Training"), "true", default);
        await twin.Parameters.PutAsync(twin.Catalog.FullName("Minimum-Untrained-Images"), "2", default);
        foreach (var key in new[] { "cat/a.png", "dog/b.png" })
        {
            await twin.Objects.PutAsync(twin.Bucket, BucketLayout.LabeledImages + key, Png, "image/png", null, default);
        }

        await twin.WhenIdleAsync();

        // No training plan: every version the scripted trainer makes fails.
        var failed = await twin.TrainAsync(retry: false);
        var skipped = await twin.TrainAsync(retry: false);
        var retried = await twin.TrainAsync(retry: true);

        Assert.Equal(("SUCCEEDED", TrainingStatus.TrainingFailed), (failed.Status, failed.Outcome));
        Assert.Equal(("SUCCEEDED", TrainingStatus.Skipped), (skipped.Status, skipped.Outcome));
        Assert.Contains("the last training used this same labeled set of 2 images and failed", skipped.Summary, StringComparison.Ordinal);
        Assert.Contains("waiting for new labels or an operator retry", skipped.Summary, StringComparison.Ordinal);
        Assert.Equal(("SUCCEEDED", TrainingStatus.TrainingFailed), (retried.Status, retried.Outcome));
        Assert.Equal((true, false, true), (failed.Failed, skipped.Failed, retried.Failed));
    }

    private Task<LocalTwin> OpenAsync() =>
        LocalTwin.OpenAsync(new TwinOptions(folder.Path) { Clock = clock, Trainer = new ScriptedTrainer(Path.Combine(folder.Path, "plan.json")) });

    private async Task ServeAsync(IReadOnlyList<LocalLabel> labels)
    {
        LocalModelRuntime.Save(Path.Combine(folder.Path, "models"), new LocalModelVersion(ServingArn, LocalModelRuntime.Running, new Dictionary<string, IReadOnlyList<LocalLabel>>(), labels));
        var state = SystemState.Initial with { Serving = new ServingVersion(ServingArn, 0.8, clock.Now) };
        await twin.Parameters.PutAsync(twin.Catalog.FullName(twin.Catalog.SystemParameter.Name), SystemStateDocument.Serialize(state), default);
    }

    private static byte[] Output(OpenLoop loop, string label) => System.Text.Encoding.UTF8.GetBytes(new JsonObject
    {
        ["flowDefinitionArn"] = "arn:aws:sagemaker:local-1:000000000000:flow-definition/continuous-improvement-review",
        ["humanAnswers"] = new JsonArray(new JsonObject
        {
            ["answerContent"] = new JsonObject { ["crowd-image-classifier"] = new JsonObject { ["label"] = label } },
            ["submissionTime"] = "2026-03-02T09:05:00.000Z",
            ["workerId"] = "reviewer-1",
        }),
        ["humanLoopName"] = loop.HumanLoopName,
        ["inputContent"] = new JsonObject { ["taskObject"] = loop.ImageUri },
    }.ToJsonString());

    private static async Task<List<StoredObject>> ToListAsync(IAsyncEnumerable<StoredObject> items)
    {
        var list = new List<StoredObject>();
        await foreach (var item in items)
        {
            list.Add(item);
        }

        return list;
    }
}
