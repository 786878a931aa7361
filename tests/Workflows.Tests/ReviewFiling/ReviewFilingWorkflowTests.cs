using ContinuousImprovement.Asl.Runtime;
using ContinuousImprovement.Core.Storage;
using ContinuousImprovement.Handlers.ReviewFiling;

namespace ContinuousImprovement.Workflows.Tests.ReviewFiling;

public sealed class ReviewFilingWorkflowTests
{
    private const string FiledKey = "images_labeled_by_folder/aws_logo/inference-image-1.png";

    [Fact]
    public async Task A_labeled_output_files_a_copy_under_its_label_records_the_label_and_notifies_in_the_digest()
    {
        using var twin = await ReviewFilingTwin.StartAsync();
        var output = await twin.WriteOutputAsync(ReviewFilingTwin.Output());

        var run = await twin.RunAsync(ReviewFilingTwin.CreatedEvent(output));

        Assert.Equal(ExecutionStatus.Succeeded, run.Status);
        Assert.Equal(ReviewFilingStatus.Filed, run.Text("outcome.status"));
        Assert.Equal([FiledKey], await twin.LabeledKeysAsync());
        var copy = await twin.Objects.GetAsync(ReviewFilingTwin.Bucket, FiledKey, default);
        Assert.Equal(Twin.DetectionTwin.Png, copy!.Body.ToArray());
        Assert.NotNull(await twin.Objects.HeadAsync(ReviewFilingTwin.Bucket, ReviewFilingTwin.ImageKey, default));
        Assert.Equal("aws_logo", await twin.HumanLabelAsync());
        Assert.Equal(["review-completed", "image-filed"], twin.Digested());
        Assert.Empty(twin.Mailed());
    }

    [Fact]
    public async Task A_multi_select_output_files_the_image_under_each_majority_label()
    {
        using var twin = await ReviewFilingTwin.StartAsync();
        var output = await twin.WriteOutputAsync(ReviewFilingTwin.Output("a2i-output-crowd-image-classifier-multi-select.SYNTHESIZED.json"));

        var run = await twin.RunAsync(ReviewFilingTwin.CreatedEvent(output));

        Assert.Equal(ReviewFilingStatus.Filed, run.Text("outcome.status"));
        Assert.Equal(
            ["images_labeled_by_folder/amazon_logo/inference-image-1.png", FiledKey],
            (await twin.LabeledKeysAsync()).Order(StringComparer.Ordinal));
        Assert.Equal("amazon_logo, aws_logo", await twin.HumanLabelAsync());
    }

    [Fact]
    public async Task The_same_output_delivered_twice_is_filed_once_and_notified_once()
    {
        using var twin = await ReviewFilingTwin.StartAsync();
        var output = await twin.WriteOutputAsync(ReviewFilingTwin.Output());

        var first = await twin.RunAsync(ReviewFilingTwin.CreatedEvent(output));
        var second = await twin.RunAsync(ReviewFilingTwin.CreatedEvent(output));

        Assert.Equal(ReviewFilingStatus.Filed, first.Text("outcome.status"));
        Assert.Equal(ReviewFilingStatus.AlreadyFiled, second.Text("outcome.status"));
        Assert.Equal(ExecutionStatus.Succeeded, second.Status);
        Assert.Equal([FiledKey], await twin.LabeledKeysAsync());
        Assert.Equal(["review-completed", "image-filed"], twin.Digested());
    }

    [Fact]
    public async Task The_output_event_and_the_completed_status_event_file_once_in_either_order()
    {
        using var outputFirst = await ReviewFilingTwin.StartAsync();
        var output = await outputFirst.WriteOutputAsync(ReviewFilingTwin.Output());
        await outputFirst.RunAsync(ReviewFilingTwin.CreatedEvent(output));
        var late = await outputFirst.RunAsync(ReviewFilingTwin.StatusEvent("Completed"));

        using var statusFirst = await ReviewFilingTwin.StartAsync();
        var output2 = await statusFirst.WriteOutputAsync(ReviewFilingTwin.Output());
        var early = await statusFirst.RunAsync(ReviewFilingTwin.StatusEvent("Completed"));
        var afterwards = await statusFirst.RunAsync(ReviewFilingTwin.CreatedEvent(output2));

        Assert.Equal(ReviewFilingStatus.AlreadyFiled, late.Text("outcome.status"));
        Assert.Equal(ReviewFilingStatus.Filed, early.Text("outcome.status"));
        Assert.Equal(ReviewFilingStatus.AlreadyFiled, afterwards.Text("outcome.status"));
        Assert.Equal([FiledKey], await outputFirst.LabeledKeysAsync());
        Assert.Equal([FiledKey], await statusFirst.LabeledKeysAsync());
        Assert.Equal(2, outputFirst.Digested().Count);
        Assert.Equal(2, statusFirst.Digested().Count);
    }

    [Theory]
    [InlineData("Failed", "Expired")]
    [InlineData("Stopped", "stopped")]
    public async Task A_failed_or_stopped_loop_tells_the_operator_at_once_that_the_image_stayed_where_it_was(string status, string said)
    {
        using var twin = await ReviewFilingTwin.StartAsync();

        var run = await twin.RunAsync(ReviewFilingTwin.StatusEvent(status));

        Assert.Equal(ExecutionStatus.Succeeded, run.Status);
        Assert.Equal(ReviewFilingStatus.Failed, run.Text("outcome.status"));
        var mail = Assert.Single(twin.Outbox.Published());
        Assert.Equal("review-failed", mail.Kind);
        Assert.Contains(said, mail.Message, StringComparison.Ordinal);
        Assert.Contains("stays where it was", mail.Message, StringComparison.Ordinal);
        Assert.Empty(await twin.LabeledKeysAsync());
        Assert.Null(await twin.HumanLabelAsync());
    }

    [Theory]
    [InlineData("a2i-output-no-answers.SYNTHESIZED.json", "without any human answer")]
    [InlineData("a2i-output-custom-task.doc-verbatim.json", "none carries a label")]
    public async Task An_output_without_a_usable_answer_is_a_review_failure(string example, string said)
    {
        using var twin = await ReviewFilingTwin.StartAsync();
        var output = await twin.WriteOutputAsync(ReviewFilingTwin.Output(example));

        var run = await twin.RunAsync(ReviewFilingTwin.CreatedEvent(output));

        Assert.Equal(ReviewFilingStatus.Failed, run.Text("outcome.status"));
        var mail = Assert.Single(twin.Outbox.Published());
        Assert.Equal("review-failed", mail.Kind);
        Assert.Contains(said, mail.Message, StringComparison.Ordinal);
        Assert.Empty(await twin.LabeledKeysAsync());
    }

    [Theory]
    [InlineData("{\"humanLoopName\": \"ci-review-x\"}", "humanAnswers must be an array")]
    [InlineData("not json at all", "review output")]
    [InlineData("{\"humanLoopName\": \"ci-review-x\", \"humanAnswers\": [], \"inputContent\": {\"taskObject\": \"https://example.com/x.png\"}}", "taskObject must be an s3://")]
    public async Task A_malformed_output_is_told_to_the_operator_with_what_is_wrong_and_files_nothing(string json, string said)
    {
        using var twin = await ReviewFilingTwin.StartAsync();
        var output = await twin.WriteOutputAsync(json);

        var run = await twin.RunAsync(ReviewFilingTwin.CreatedEvent(output));

        Assert.Equal(ExecutionStatus.Succeeded, run.Status);
        var mail = Assert.Single(twin.Outbox.Published());
        Assert.Equal("review-failed", mail.Kind);
        Assert.Contains(said, mail.Message, StringComparison.Ordinal);
        Assert.Empty(await twin.LabeledKeysAsync());
    }

    [Fact]
    public async Task A_reject_answer_is_recorded_and_digested_but_never_filed()
    {
        using var twin = await ReviewFilingTwin.StartAsync();
        var output = await twin.WriteOutputAsync(ReviewFilingTwin.Output(labels: ["None of the Above", "None of the Above", "aws_logo"]));

        var run = await twin.RunAsync(ReviewFilingTwin.CreatedEvent(output));

        Assert.Equal(ReviewFilingStatus.Recorded, run.Text("outcome.status"));
        Assert.Empty(await twin.LabeledKeysAsync());
        Assert.Equal("None of the Above", await twin.HumanLabelAsync());
        Assert.Equal(["review-completed"], twin.Digested());
        Assert.Empty(twin.Mailed());
    }

    [Fact]
    public async Task A_fullwidth_reject_answer_is_recorded_but_never_filed_as_a_class()
    {
        const string fullwidth = "\uFF2E\uFF2F\uFF2E\uFF25\u3000\uFF2F\uFF26\u3000\uFF34\uFF28\uFF25\u3000\uFF21\uFF22\uFF2F\uFF36\uFF25";
        using var twin = await ReviewFilingTwin.StartAsync();
        var output = await twin.WriteOutputAsync(ReviewFilingTwin.Output(labels: [fullwidth, fullwidth, "aws_logo"]));

        var run = await twin.RunAsync(ReviewFilingTwin.CreatedEvent(output));

        Assert.Equal(ReviewFilingStatus.Recorded, run.Text("outcome.status"));
        Assert.Empty(await twin.LabeledKeysAsync());
        // Logged as the configured reject phrase, so every spelling of it is one answer.
        Assert.Equal("None of the Above", await twin.HumanLabelAsync());
        Assert.Equal(["review-completed"], twin.Digested());
    }

    [Fact]
    public async Task The_operators_own_reject_answers_are_honoured()
    {
        using var twin = await ReviewFilingTwin.StartAsync();
        await twin.SetAsync("Review-Reject-Labels", "Not sure, Other");
        var output = await twin.WriteOutputAsync(ReviewFilingTwin.Output(labels: ["other"]));

        var run = await twin.RunAsync(ReviewFilingTwin.CreatedEvent(output));

        Assert.Equal(ReviewFilingStatus.Recorded, run.Text("outcome.status"));
        Assert.Empty(await twin.LabeledKeysAsync());
    }

    [Fact]
    public async Task A_tie_is_recorded_without_a_label_and_files_nothing()
    {
        using var twin = await ReviewFilingTwin.StartAsync();
        var output = await twin.WriteOutputAsync(ReviewFilingTwin.Output(labels: ["aws_logo", "amazon_logo"]));

        var run = await twin.RunAsync(ReviewFilingTwin.CreatedEvent(output));

        Assert.Equal(ReviewFilingStatus.Recorded, run.Text("outcome.status"));
        Assert.Contains("tied", run.Text("outcome.summary"), StringComparison.Ordinal);
        Assert.Empty(await twin.LabeledKeysAsync());
        Assert.Null(await twin.HumanLabelAsync());
        Assert.Equal(["review-completed"], twin.Digested());
    }

    [Theory]
    [InlineData("../../images_for_detection")]
    [InlineData("../quarantine")]
    [InlineData("/etc")]
    [InlineData("cat/../..")]
    [InlineData("\uFF0E\uFF0E\uFF0Fcat")]
    [InlineData("\uFF0E\uFF0E")]
    public async Task A_label_that_tries_to_escape_the_labeled_folder_is_refused_with_the_reason(string label)
    {
        using var twin = await ReviewFilingTwin.StartAsync();
        var output = await twin.WriteOutputAsync(ReviewFilingTwin.Output(labels: [label]));
        var before = await twin.AllKeysAsync();

        var run = await twin.RunAsync(ReviewFilingTwin.CreatedEvent(output));

        Assert.Equal(ExecutionStatus.Succeeded, run.Status);
        Assert.Equal(FilingStatus.Refused, run.Text("filing.status"));
        Assert.Equal(before, await twin.AllKeysAsync());
        var mail = Assert.Single(twin.Outbox.Published());
        Assert.Equal("review-failed", mail.Kind);
        Assert.Contains("not a path", mail.Message, StringComparison.Ordinal);
        Assert.Contains("nothing was filed", mail.Message, StringComparison.Ordinal);
        Assert.Null(await twin.HumanLabelAsync());
    }

    [Fact]
    public async Task A_label_with_a_slash_inside_is_filed_in_its_own_encoded_folder()
    {
        using var twin = await ReviewFilingTwin.StartAsync();
        var output = await twin.WriteOutputAsync(ReviewFilingTwin.Output(labels: ["T-shirt/top"]));

        var run = await twin.RunAsync(ReviewFilingTwin.CreatedEvent(output));

        Assert.Equal(ReviewFilingStatus.Filed, run.Text("outcome.status"));
        Assert.Equal(["images_labeled_by_folder/T-shirt%2Ftop/inference-image-1.png"], await twin.LabeledKeysAsync());
    }

    [Fact]
    public async Task Another_upload_with_the_same_file_name_gets_its_own_copy_and_nothing_is_overwritten()
    {
        using var twin = await ReviewFilingTwin.StartAsync();
        var earlier = "an earlier image"u8.ToArray();
        await twin.Objects.PutAsync(ReviewFilingTwin.Bucket, FiledKey, earlier, "image/png", null, default);
        var output = await twin.WriteOutputAsync(ReviewFilingTwin.Output());

        var run = await twin.RunAsync(ReviewFilingTwin.CreatedEvent(output));

        Assert.Equal(ReviewFilingStatus.Filed, run.Text("outcome.status"));
        var keys = await twin.LabeledKeysAsync();
        Assert.Equal(2, keys.Count);
        Assert.Equal(earlier, (await twin.Objects.GetAsync(ReviewFilingTwin.Bucket, FiledKey, default))!.Body.ToArray());
        Assert.Matches("^images_labeled_by_folder/aws_logo/inference-image-1-[0-9a-f]{12}\\.png$", keys.Single(k => k != FiledKey));
    }

    [Fact]
    public async Task A_reviewed_image_deleted_meanwhile_is_a_review_failure_not_an_error()
    {
        using var twin = await ReviewFilingTwin.StartAsync(upload: false);
        var output = await twin.WriteOutputAsync(ReviewFilingTwin.Output());

        var run = await twin.RunAsync(ReviewFilingTwin.CreatedEvent(output));

        Assert.Equal(ExecutionStatus.Succeeded, run.Status);
        Assert.Equal(FilingStatus.NotFiled, run.Text("filing.status"));
        Assert.Equal("review-failed", Assert.Single(twin.Mailed()));
        Assert.Empty(await twin.LabeledKeysAsync());
    }

    [Fact]
    public async Task An_image_never_detected_is_still_filed_and_the_missing_log_entry_is_said()
    {
        using var twin = await ReviewFilingTwin.StartAsync(upload: false);
        await twin.Objects.PutAsync(ReviewFilingTwin.Bucket, ReviewFilingTwin.ImageKey, Twin.DetectionTwin.Png, "image/png", null, default);
        var output = await twin.WriteOutputAsync(ReviewFilingTwin.Output());

        var run = await twin.RunAsync(ReviewFilingTwin.CreatedEvent(output));

        Assert.Equal(ReviewFilingStatus.Filed, run.Text("outcome.status"));
        Assert.Equal([FiledKey], await twin.LabeledKeysAsync());
        Assert.Contains("not recorded in the inference log", twin.Digest.Pending()[0].Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("images_for_detection/cat.json")]
    [InlineData("review_output/notes.txt")]
    public async Task Objects_that_are_not_review_outputs_end_at_once_with_nothing_done(string key)
    {
        using var twin = await ReviewFilingTwin.StartAsync();
        var stored = await twin.Objects.PutAsync(ReviewFilingTwin.Bucket, key, ReviewFilingTwin.Output().Select(c => (byte)c).ToArray(), "application/json", null, default);

        var run = await twin.RunAsync(ReviewFilingTwin.CreatedEvent(stored));

        Assert.Equal(ExecutionStatus.Succeeded, run.Status);
        Assert.Equal(ReviewActions.Ignore, run.Text("review.action"));
        Assert.Null(run.Text("outcome"));
        Assert.Empty(twin.Mailed());
        Assert.Empty(twin.Digested());
    }

    [Fact]
    public async Task A_loop_still_in_progress_is_waited_for()
    {
        using var twin = await ReviewFilingTwin.StartAsync();

        var run = await twin.RunAsync(ReviewFilingTwin.StatusEvent("InProgress"));

        Assert.Equal(ReviewActions.Ignore, run.Text("review.action"));
        Assert.Empty(twin.Mailed());
    }

    [Fact]
    public async Task A_completed_status_whose_output_is_missing_is_told_to_the_operator()
    {
        using var twin = await ReviewFilingTwin.StartAsync();

        var run = await twin.RunAsync(ReviewFilingTwin.StatusEvent("Completed"));

        Assert.Equal(ReviewFilingStatus.Failed, run.Text("outcome.status"));
        var mail = Assert.Single(twin.Outbox.Published());
        Assert.Contains("does not exist", mail.Message, StringComparison.Ordinal);
        Assert.Contains(BucketLayout.ReviewOutput, mail.Message, StringComparison.Ordinal);
    }
}
