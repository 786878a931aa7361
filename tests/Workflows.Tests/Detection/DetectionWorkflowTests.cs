using System.Text.Json;
using ContinuousImprovement.Asl.Runtime;
using ContinuousImprovement.Core.Review;
using ContinuousImprovement.Core.Storage;
using ContinuousImprovement.Handlers.Detection;
using ContinuousImprovement.Local.Adapters;
using ContinuousImprovement.Workflows.Tests.Twin;

namespace ContinuousImprovement.Workflows.Tests.Detection;

public sealed class DetectionWorkflowTests
{
    private static Dictionary<string, IReadOnlyList<LocalLabel>> For(string fileName, IReadOnlyList<LocalLabel> labels) =>
        new Dictionary<string, IReadOnlyList<LocalLabel>> { [fileName] = labels };

    [Fact]
    public async Task A_confident_image_is_logged_and_no_human_is_asked()
    {
        using var twin = await DetectionTwin.StartAsync();
        await twin.ServeAsync();
        var upload = await twin.UploadAsync("images_for_detection/cat-1.png");

        var run = await twin.DetectAsync(upload);

        Assert.Equal(ExecutionStatus.Succeeded, run.Status);
        Assert.Equal(DetectionStatus.Detected, run.OutcomeStatus);
        var (sequence, record) = Assert.Single(await twin.Inferences.AllAsync(default));
        Assert.Equal(1, sequence);
        Assert.Equal(("images_for_detection/cat-1.png", DetectionTwin.ServingArn, false, (string?)null), (record.ImageKey, record.ModelVersionArn, record.SentToHuman, record.HumanLoopName));
        Assert.Equal("cat", record.Prediction.Top!.Label);
        Assert.Empty(twin.Reviews.OpenLoops());
        var digest = Assert.Single(twin.Digest.Pending());
        Assert.Equal("detection-completed", digest.Kind);
        Assert.Contains("\"cat\" 97.53", digest.Message, StringComparison.Ordinal);
        Assert.Empty(twin.Outbox.Published());
        Assert.Equal(0, await twin.Inferences.HumanLoopsOnAsync(twin.Today, default));
    }

    [Fact]
    public async Task An_uncertain_image_starts_a_human_loop_offering_model_and_folder_labels_and_adds_review_started_to_the_digest()
    {
        using var twin = await DetectionTwin.StartAsync();
        await twin.ServeAsync(For("maybe.png", DetectionTwin.Uncertain));
        await twin.UploadAsync("images_labeled_by_folder/T-shirt%2Ftop/a.png");
        await twin.UploadAsync("images_labeled_by_folder/bird/b.png");
        await twin.UploadAsync("images_labeled_by_folder/cat/c.png");
        await twin.UploadAsync("images_labeled_by_folder/made by hand!/d.png");
        var upload = await twin.UploadAsync("images_for_detection/maybe.png");

        var run = await twin.DetectAsync(upload);

        Assert.Equal(ExecutionStatus.Succeeded, run.Status);
        Assert.Equal(DetectionStatus.ReviewStarted, run.OutcomeStatus);
        var loop = Assert.Single(twin.Reviews.OpenLoops());
        Assert.Equal(HumanLoopName.For(upload.Ref), loop.HumanLoopName);
        Assert.Equal(("images_for_detection/maybe.png", upload.Ref.VersionId), (loop.Key, loop.VersionId));
        Assert.Equal(["cat", "dog", "T-shirt/top", "bird", "None of the Above"], loop.Labels);
        Assert.Contains(loop.Reasons, r => r.StartsWith("below-threshold: top confidence 41.7 < 70", StringComparison.Ordinal));
        var (_, record) = Assert.Single(await twin.Inferences.AllAsync(default));
        Assert.True(record.SentToHuman);
        Assert.Equal(loop.HumanLoopName, record.HumanLoopName);
        Assert.Equal(loop.Reasons, record.Reasons);
        Assert.Equal(["review-started"], twin.Digest.Pending().Select(n => n.Kind));
        Assert.Empty(twin.Outbox.Published());
        Assert.Equal(1, await twin.Inferences.HumanLoopsOnAsync(twin.Today, default));
    }

    [Fact]
    public async Task A_duplicate_event_starts_no_second_loop_takes_no_second_slot_and_says_nothing_new()
    {
        using var twin = await DetectionTwin.StartAsync();
        await twin.ServeAsync(otherwise: DetectionTwin.Uncertain);
        var upload = await twin.UploadAsync("images_for_detection/twice.png");

        var first = await twin.DetectAsync(upload);
        var second = await twin.DetectAsync(upload);

        Assert.Equal(DetectionStatus.ReviewStarted, first.OutcomeStatus);
        Assert.Equal(ExecutionStatus.Succeeded, second.Status);
        Assert.Equal(DetectionStatus.AlreadyInReview, second.OutcomeStatus);
        Assert.Single(twin.Reviews.OpenLoops());
        Assert.Equal(1, await twin.Inferences.HumanLoopsOnAsync(twin.Today, default));
        Assert.Equal(["review-started"], twin.Digest.Pending().Select(n => n.Kind));
    }

    [Fact]
    public async Task A_new_upload_of_the_same_key_gets_its_own_loop()
    {
        using var twin = await DetectionTwin.StartAsync();
        await twin.ServeAsync(otherwise: DetectionTwin.Uncertain);

        var first = await twin.DetectAsync(await twin.UploadAsync("images_for_detection/same.png"));
        var second = await twin.DetectAsync(await twin.UploadAsync("images_for_detection/same.png", [.. DetectionTwin.Png, 42]));

        Assert.Equal((DetectionStatus.ReviewStarted, DetectionStatus.ReviewStarted), (first.OutcomeStatus, second.OutcomeStatus));
        Assert.Equal(2, twin.Reviews.OpenLoops().Select(l => l.HumanLoopName).Distinct().Count());
    }

    [Fact]
    public async Task An_event_for_an_upload_since_replaced_is_left_to_the_newer_uploads_event()
    {
        using var twin = await DetectionTwin.StartAsync();
        await twin.ServeAsync(otherwise: DetectionTwin.Uncertain);
        var older = await twin.UploadAsync("images_for_detection/replaced.png");
        await twin.UploadAsync("images_for_detection/replaced.png", [.. DetectionTwin.Png, 7]);

        var run = await twin.DetectAsync(older);

        Assert.Equal(ExecutionStatus.Succeeded, run.Status);
        Assert.False(run.Output.GetProperty("upload").GetProperty("taken").GetBoolean());
        Assert.Contains("was replaced by a newer upload", run.Output.GetProperty("upload").GetProperty("reason").GetString(), StringComparison.Ordinal);
        Assert.Empty(twin.Reviews.OpenLoops());
    }

    [Fact]
    public async Task With_no_model_serving_the_image_is_marked_pending_kept_in_place_and_counted_in_the_digest()
    {
        using var twin = await DetectionTwin.StartAsync();
        var upload = await twin.UploadAsync("images_for_detection/early bird.png");

        var run = await twin.DetectAsync(upload);
        var again = await twin.DetectAsync(upload);

        Assert.Equal((ExecutionStatus.Succeeded, DetectionStatus.Pending), (run.Status, run.OutcomeStatus));
        var marker = await twin.Objects.GetAsync(DetectionTwin.Bucket, "pending/images_for_detection/early bird.png.json", default);
        Assert.NotNull(marker);
        using (var body = JsonDocument.Parse(marker.Body))
        {
            Assert.Equal("images_for_detection/early bird.png", body.RootElement.GetProperty("image").GetProperty("key").GetString());
            Assert.Equal(upload.Ref.VersionId, body.RootElement.GetProperty("image").GetProperty("versionId").GetString());
        }

        Assert.NotNull(await twin.Objects.HeadAsync(DetectionTwin.Bucket, "images_for_detection/early bird.png", default));
        Assert.Empty(await twin.Inferences.AllAsync(default));
        Assert.Equal(DetectionStatus.Pending, again.OutcomeStatus);
        Assert.Equal(["image-pending"], twin.Digest.Pending().Select(n => n.Kind));
    }

    [Fact]
    public async Task A_corrupt_image_is_quarantined_with_its_reason_the_original_kept_and_the_operator_told_at_once()
    {
        using var twin = await DetectionTwin.StartAsync();
        await twin.ServeAsync();
        var bytes = "this is not a picture"u8.ToArray();
        var upload = await twin.UploadAsync("images_for_detection/broken.jpg", bytes, new Dictionary<string, string> { ["claimed-label"] = "cat" });

        var run = await twin.DetectAsync(upload);

        Assert.Equal((ExecutionStatus.Succeeded, DetectionStatus.Quarantined), (run.Status, run.OutcomeStatus));
        var copy = await twin.Objects.GetAsync(DetectionTwin.Bucket, BucketLayout.Quarantine + "images_for_detection/broken.jpg", default);
        Assert.NotNull(copy);
        Assert.Equal(bytes, copy.Body.ToArray());
        Assert.Contains("is not a PNG or JPEG image", copy.Object.Metadata[QuarantineImage.ReasonMetadata], StringComparison.Ordinal);
        Assert.Equal("cat", copy.Object.Metadata["claimed-label"]);
        var original = await twin.Objects.GetAsync(DetectionTwin.Bucket, "images_for_detection/broken.jpg", default);
        Assert.Equal(bytes, original!.Body.ToArray());
        var mail = Assert.Single(twin.Outbox.Published());
        Assert.Equal("image-quarantined", mail.Kind);
        Assert.Contains("the upload itself stays where it is", mail.Message, StringComparison.Ordinal);
        Assert.Empty(await twin.Inferences.AllAsync(default));
    }

    [Fact]
    public async Task A_redelivered_event_for_a_quarantined_image_makes_no_second_copy_and_no_second_mail()
    {
        using var twin = await DetectionTwin.StartAsync();
        await twin.ServeAsync();
        var upload = await twin.UploadAsync("images_for_detection/broken.png", "GIF89a"u8.ToArray());

        await twin.DetectAsync(upload);
        var again = await twin.DetectAsync(upload);

        Assert.Equal(DetectionStatus.Quarantined, again.OutcomeStatus);
        Assert.StartsWith("already quarantined", again.OutcomeSummary, StringComparison.Ordinal);
        Assert.Single(twin.Outbox.Published());
    }

    [Theory]
    [InlineData("other/cat.png", "is not under images_for_detection/")]
    [InlineData("images_for_detection/holiday/", "is a folder marker")]
    [InlineData("images_for_detection/notes.txt", "is not a JPEG or PNG file name")]
    [InlineData("images_for_detection/../escape.png", "has an empty, '.' or '..' path segment")]
    [InlineData("images_for_detection/gone.png", "no longer exists")]
    public async Task Uploads_that_are_not_ours_end_successfully_with_the_reason_and_touch_nothing(string key, string reason)
    {
        using var twin = await DetectionTwin.StartAsync();
        await twin.ServeAsync();

        var run = await twin.RunAsync(DetectionTwin.EventFor(DetectionTwin.Bucket, Core.Events.S3KeyEncoding.Encode(key)));

        Assert.Equal(ExecutionStatus.Succeeded, run.Status);
        var upload = run.Output.GetProperty("upload");
        Assert.False(upload.GetProperty("taken").GetBoolean());
        Assert.Contains(reason, upload.GetProperty("reason").GetString(), StringComparison.Ordinal);
        Assert.False(run.Output.TryGetProperty("outcome", out _));
        Assert.Empty(await twin.Inferences.AllAsync(default));
        Assert.Empty(twin.Digest.Pending());
        Assert.Empty(twin.Outbox.Published());
    }

    [Fact]
    public async Task An_object_deleted_event_is_not_ours()
    {
        using var twin = await DetectionTwin.StartAsync();

        var run = await twin.RunAsync(File.ReadAllText(RepositoryPaths.SharedAws("events", "s3-eventbridge-object-deleted.json")));

        Assert.Equal(ExecutionStatus.Succeeded, run.Status);
        Assert.Contains("only 'Object Created' events start work", run.Output.GetProperty("upload").GetProperty("reason").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("images_for_detection/red flower+1.png", "images_for_detection/red+flower%2B1.png")]
    [InlineData("images_for_detection/100% sure.png", "images_for_detection/100%25+sure.png")]
    [InlineData("images_for_detection/café/日本 猫.png", "images_for_detection/caf%C3%A9/%E6%97%A5%E6%9C%AC+%E7%8C%AB.png")]
    [InlineData("images_for_detection/a%2Bb.png", "images_for_detection/a%252Bb.png")]
    public async Task Keys_with_spaces_plus_percent_and_unicode_reach_the_right_object(string key, string encodedKey)
    {
        using var twin = await DetectionTwin.StartAsync();
        var fileName = key[(key.LastIndexOf('/') + 1)..];
        await twin.ServeAsync(For(fileName, DetectionTwin.Uncertain));
        var upload = await twin.UploadAsync(key);

        var run = await twin.RunAsync(DetectionTwin.EventFor(DetectionTwin.Bucket, encodedKey, upload.Ref.ETag, upload.Ref.VersionId, upload.Size));

        Assert.Equal(DetectionStatus.ReviewStarted, run.OutcomeStatus);
        Assert.Equal(key, Assert.Single(twin.Reviews.OpenLoops()).Key);
        Assert.Equal(key, Assert.Single(await twin.Inferences.AllAsync(default)).Record.ImageKey);
    }

    [Fact]
    public async Task When_the_daily_cap_is_reached_a_wanted_image_is_capped_until_the_next_utc_day()
    {
        using var twin = await DetectionTwin.StartAsync();
        await twin.SetAsync("Max-Human-Loops-Per-Day", "1");
        await twin.ServeAsync(otherwise: DetectionTwin.Uncertain);

        var first = await twin.DetectAsync(await twin.UploadAsync("images_for_detection/one.png"));
        var second = await twin.DetectAsync(await twin.UploadAsync("images_for_detection/two.png"));
        twin.Clock.Advance(TimeSpan.FromDays(1));
        var third = await twin.DetectAsync(await twin.UploadAsync("images_for_detection/three.png"));

        Assert.Equal([DetectionStatus.ReviewStarted, DetectionStatus.Capped, DetectionStatus.ReviewStarted], new[] { first, second, third }.Select(r => r.OutcomeStatus));
        Assert.Contains("the daily cap of 1 human loop is reached", second.OutcomeSummary, StringComparison.Ordinal);
        Assert.Equal(["images_for_detection/one.png", "images_for_detection/three.png"], twin.Reviews.OpenLoops().Select(l => l.Key));
        Assert.Equal(["review-started", "review-capped", "review-started"], twin.Digest.Pending().Select(n => n.Kind));
        var capped = (await twin.Inferences.AllAsync(default))[1].Record;
        Assert.False(capped.SentToHuman);
        Assert.Null(capped.HumanLoopName);
    }

    [Fact]
    public async Task A_cap_of_zero_starts_no_loop_at_all()
    {
        using var twin = await DetectionTwin.StartAsync();
        await twin.SetAsync("Max-Human-Loops-Per-Day", "0");
        await twin.ServeAsync(otherwise: DetectionTwin.Uncertain);

        var run = await twin.DetectAsync(await twin.UploadAsync("images_for_detection/none.png"));

        Assert.Equal(DetectionStatus.Capped, run.OutcomeStatus);
        Assert.Empty(twin.Reviews.OpenLoops());
    }

    [Fact]
    public async Task With_human_review_switched_off_an_uncertain_image_is_logged_but_nobody_is_asked()
    {
        using var twin = await DetectionTwin.StartAsync();
        await twin.SetAsync("Enable-A2I-Workflow", "false");
        await twin.ServeAsync(otherwise: DetectionTwin.Uncertain);

        var run = await twin.DetectAsync(await twin.UploadAsync("images_for_detection/unsure.png"));

        Assert.Equal(DetectionStatus.Detected, run.OutcomeStatus);
        Assert.Equal("wanted by below-threshold, but human review is switched off (Enable-A2I-Workflow is false)", run.OutcomeSummary);
        Assert.Empty(twin.Reviews.OpenLoops());
        Assert.Equal(0, await twin.Inferences.HumanLoopsOnAsync(twin.Today, default));
        var (_, record) = Assert.Single(await twin.Inferences.AllAsync(default));
        Assert.False(record.SentToHuman);
        Assert.Equal(["detection-completed"], twin.Digest.Pending().Select(n => n.Kind));
    }

    [Fact]
    public async Task A_bad_parameter_value_leaves_the_last_good_value_in_force()
    {
        using var twin = await DetectionTwin.StartAsync();
        await twin.SetAsync("Minimum-Label-Detection-Confidence", "very high");
        await twin.ServeAsync(otherwise: [new("cat", 90), new("dog", 10)], lastGood: new Dictionary<string, string> { ["Minimum-Label-Detection-Confidence"] = "95" });

        var run = await twin.DetectAsync(await twin.UploadAsync("images_for_detection/ninety.png"));

        // At the default of 70 a 90 would be confident; the last good 95 makes it uncertain.
        Assert.Equal(DetectionStatus.ReviewStarted, run.OutcomeStatus);
        Assert.Contains(Assert.Single(twin.Reviews.OpenLoops()).Reasons, r => r.Contains("90 < 95", StringComparison.Ordinal));
        var settings = run.Output.GetProperty("settings");
        Assert.Equal("95", settings.GetProperty("values").GetProperty("Minimum-Label-Detection-Confidence").GetString());
        var problem = Assert.Single(settings.GetProperty("problems").EnumerateArray()).GetString();
        Assert.Contains("Minimum-Label-Detection-Confidence = 'very high' is not valid", problem, StringComparison.Ordinal);
        Assert.Contains("The last good value '95' stays in force.", problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_uploader_claiming_another_label_than_the_model_sends_the_image_to_review()
    {
        using var twin = await DetectionTwin.StartAsync();
        await twin.ServeAsync();

        var run = await twin.DetectAsync(await twin.UploadAsync("images_for_detection/claimed.png", metadata: new Dictionary<string, string> { ["claimed-label"] = "dog" }));

        Assert.Equal(DetectionStatus.ReviewStarted, run.OutcomeStatus);
        Assert.Equal(["ground-truth-mismatch: claimed 'dog' but the top label is 'cat' (97.53)"], Assert.Single(twin.Reviews.OpenLoops()).Reasons);
    }

    [Theory]
    [InlineData("review-started", "review-started", "", "outbox")]
    [InlineData("", "review-started", "", "digest")]
    [InlineData("", "", "review-started", "log")]
    public async Task Notifications_follow_the_operators_routing(string immediately, string digest, string neither, string expected)
    {
        using var twin = await DetectionTwin.StartAsync();
        await twin.SetAsync("Notify-Immediately", immediately.Length == 0 ? "workflow-error" : immediately);
        await twin.SetAsync("Notify-In-Digest", digest.Length == 0 ? "image-pending" : digest);
        await twin.ServeAsync(otherwise: DetectionTwin.Uncertain);

        var run = await twin.DetectAsync(await twin.UploadAsync("images_for_detection/routed.png"));

        Assert.Equal(DetectionStatus.ReviewStarted, run.OutcomeStatus);
        Assert.Equal(neither.Length > 0 ? "log-only" : expected == "outbox" ? "immediately" : "digest", run.Output.GetProperty("notified").GetProperty("route").GetString());
        Assert.Equal(expected == "outbox" ? ["review-started"] : [], twin.Outbox.Published().Select(n => n.Kind));
        Assert.Equal(expected == "digest" ? ["review-started"] : [], twin.Digest.Pending().Select(n => n.Kind));
    }

    [Fact]
    public async Task An_event_that_is_not_an_s3_event_fails_and_the_mail_says_no_image_was_touched()
    {
        using var twin = await DetectionTwin.StartAsync();

        var run = await twin.RunAsync("""{"hello":"world"}""");

        Assert.Equal(ExecutionStatus.Failed, run.Status);
        Assert.Equal("Handler.InvalidInput", run.Execution.Error);
        var mail = Assert.Single(twin.Outbox.Published());
        Assert.Equal(("workflow-error", "Detection failed"), (mail.Kind, mail.Subject));
        Assert.Contains("The event could not be read, so no image was touched.", mail.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_model_that_never_becomes_ready_is_retried_then_reported_with_the_image_left_in_place()
    {
        using var twin = await DetectionTwin.StartAsync();
        await twin.ServeAsync(status: "STARTING");
        var upload = await twin.UploadAsync("images_for_detection/waiting.png");

        var run = await twin.DetectAsync(upload);

        Assert.Equal(ExecutionStatus.Failed, run.Status);
        Assert.Equal("Port.NotReady", run.Execution.Error);
        Assert.Equal(6, run.Execution.History.Count(e => e.Type == HistoryEventType.LambdaFunctionFailed && e.StateName == "DetectLabels"));
        var mail = Assert.Single(twin.Outbox.Published());
        Assert.Equal("workflow-error", mail.Kind);
        Assert.Contains("is STARTING, not RUNNING", mail.Message, StringComparison.Ordinal);
        Assert.Contains("Done before it stopped: the upload was read; the settings were read (serving: " + DetectionTwin.ServingArn + ")", mail.Message, StringComparison.Ordinal);
        Assert.Contains("The image is still at \"s3://ci-uploads/images_for_detection/waiting.png\": nothing was moved or deleted.", mail.Message, StringComparison.Ordinal);
        Assert.NotNull(await twin.Objects.HeadAsync(DetectionTwin.Bucket, upload.Ref.Key, default));
    }

    [Fact]
    public async Task An_unreadable_system_parameter_fails_the_detection_with_a_cause_naming_it()
    {
        using var twin = await DetectionTwin.StartAsync();
        await twin.SetAsync("System-State", "{not json");

        var run = await twin.DetectAsync(await twin.UploadAsync("images_for_detection/x.png"));

        Assert.Equal("Handler.InvalidState", run.Execution.Error);
        Assert.Contains("/ContinuousImprovement/System-State cannot be read", run.Execution.Cause, StringComparison.Ordinal);
        Assert.Equal(["workflow-error"], twin.Outbox.Published().Select(n => n.Kind));
    }
}
