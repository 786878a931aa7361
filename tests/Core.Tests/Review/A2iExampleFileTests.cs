using ContinuousImprovement.Core.Review;
using ContinuousImprovement.Core.Storage;

namespace ContinuousImprovement.Core.Tests.Review;

public sealed class A2iExampleFileTests
{
    public static TheoryData<string> OutputFiles => ReviewFixtures.Files("a2i-output-");

    public static TheoryData<string> StatusFiles => ReviewFixtures.Files("a2i-humanloop-status-change");

    [Fact]
    public void The_example_folder_holds_the_known_a2i_files()
    {
        Assert.Equal(4, OutputFiles.Count);
        Assert.Equal(4, StatusFiles.Count);
    }

    [Theory]
    [MemberData(nameof(OutputFiles))]
    public void Every_a2i_output_example_parses(string file)
    {
        var result = ReviewOutputParser.Parse(ReviewFixtures.Read(file));

        Assert.True(result.Succeeded, result.Error);
        Assert.False(string.IsNullOrWhiteSpace(result.Value.HumanLoopName));
        Assert.StartsWith("arn:aws:sagemaker:", result.Value.FlowDefinitionArn, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(OutputFiles))]
    public void Every_a2i_output_example_parses_from_utf8_bytes_the_same_way(string file)
    {
        var fromText = ReviewOutputParser.Parse(ReviewFixtures.Read(file)).Value!;
        var fromBytes = ReviewOutputParser.Parse(File.ReadAllBytes(Path.Combine(ReviewFixtures.Events, file))).Value!;

        Assert.Equal(ReviewText.Describe(fromText), ReviewText.Describe(fromBytes));
    }

    [Theory]
    [MemberData(nameof(StatusFiles))]
    public void Every_a2i_status_change_example_parses(string file)
    {
        var result = HumanLoopStatusEvent.Parse(ReviewFixtures.Read(file));

        Assert.True(result.Succeeded, result.Error);
        Assert.Equal("humanloop-nov-14-1", result.Value.HumanLoopName);
        Assert.Equal("arn:aws:sagemaker:us-east-1:111111111111:human-loop/humanloop-nov-14-1", result.Value.HumanLoopArn);
    }

    [Fact]
    public void Single_select_example_is_labeled_aws_logo_and_filed()
    {
        var output = Parse("a2i-output-crowd-image-classifier.SYNTHESIZED.json");

        var answer = Assert.Single(output.Answers);
        Assert.Equal(new WorkerAnswer("a12b3cdefg4h5i67", answer.Labels, DateTimeOffset.Parse("2026-01-01T00:05:31.402Z"), AnswerKind.SingleLabel), answer);
        Assert.Equal(["aws_logo"], answer.Labels);
        Assert.Equal("hl-0123456789abcdef", output.HumanLoopName);
        Assert.Equal(new S3ObjectRef("my-bucket", "images_for_detection/inference-image-1.png"), output.TaskObject);
        Assert.Equal("amazon_logo", output.DetectedLabel);
        Assert.Equal(41.7, output.DetectedConfidence);

        var review = ReviewConsolidation.Consolidate(output);
        Assert.Equal(new ConsolidationOutcome.Labeled("aws_logo"), review.Outcome);
        Assert.Equal([new LabelVotes("aws_logo", 1)], review.Votes);

        var file = Assert.IsType<ReviewVerdict.File>(ReviewVerdicts.From(review));
        Assert.Equal(["aws_logo"], file.Labels);
        Assert.Equal(output.TaskObject, file.Image);
        Assert.Equal("hl-0123456789abcdef", file.HumanLoopName);
    }

    [Fact]
    public void Multi_select_example_is_multi_labeled_with_both_labels()
    {
        var output = Parse("a2i-output-crowd-image-classifier-multi-select.SYNTHESIZED.json");

        Assert.Equal(AnswerKind.MultiLabel, Assert.Single(output.Answers).Kind);
        var review = ReviewConsolidation.Consolidate(output);
        var multi = Assert.IsType<ConsolidationOutcome.MultiLabeled>(review.Outcome);
        Assert.Equal(["amazon_logo", "aws_logo"], multi.Labels);
        Assert.True(review.MultiSelect);

        var file = Assert.IsType<ReviewVerdict.File>(ReviewVerdicts.From(review));
        Assert.Equal(["amazon_logo", "aws_logo"], file.Labels);
    }

    [Fact]
    public void No_answers_example_asks_an_operator()
    {
        var review = ReviewConsolidation.Consolidate(Parse("a2i-output-no-answers.SYNTHESIZED.json"));

        Assert.Equal(new ConsolidationOutcome.NoAnswer(), review.Outcome);
        var notify = Assert.IsType<ReviewVerdict.NotifyOperator>(ReviewVerdicts.From(review));
        Assert.Contains("without any human answer", notify.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Custom_transcription_task_is_an_answer_without_labels_and_asks_an_operator()
    {
        var output = Parse("a2i-output-custom-task.doc-verbatim.json");

        var answer = Assert.Single(output.Answers);
        Assert.Equal(AnswerKind.NoLabel, answer.Kind);
        Assert.Empty(answer.Labels);
        Assert.Equal("ef7294f850a3d9d1", answer.WorkerId);
        Assert.Null(output.TaskObject);

        var review = ReviewConsolidation.Consolidate(output);
        Assert.Equal(new ConsolidationOutcome.Unlabeled(1), review.Outcome);
        Assert.Equal(1, review.AnswersWithoutLabel);
        var notify = Assert.IsType<ReviewVerdict.NotifyOperator>(ReviewVerdicts.From(review));
        Assert.Contains("none carries a label", notify.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Completed_status_example_says_to_read_its_output()
    {
        var statusEvent = HumanLoopStatusEvent.Parse(ReviewFixtures.Read("a2i-humanloop-status-change.json")).Value!;

        Assert.Equal(HumanLoopStatus.Completed, statusEvent.Status);
        Assert.Null(statusEvent.FailureCode);
        var read = Assert.IsType<ReviewVerdict.ReadOutput>(ReviewVerdicts.From(statusEvent));
        Assert.Equal("customer-output-bucket-specified-in-flow-definition", read.Output.Bucket);
        Assert.Equal("flowdef-nov-12/2019/11/14/17/37/36/humanloop-nov-14-1/output.json", read.Output.Key);
    }

    [Fact]
    public void Doc_verbatim_status_example_with_a_13_digit_account_still_parses_the_same()
    {
        var verbatim = HumanLoopStatusEvent.Parse(ReviewFixtures.Read("a2i-humanloop-status-change.doc-verbatim.json")).Value;
        var normalized = HumanLoopStatusEvent.Parse(ReviewFixtures.Read("a2i-humanloop-status-change.json")).Value;

        Assert.Equal(normalized, verbatim);
    }

    [Fact]
    public void Failed_status_example_asks_an_operator_with_the_failure()
    {
        var statusEvent = HumanLoopStatusEvent.Parse(ReviewFixtures.Read("a2i-humanloop-status-change.failed.SYNTHESIZED.json")).Value!;

        Assert.Equal(HumanLoopStatus.Failed, statusEvent.Status);
        Assert.Equal("Expired", statusEvent.FailureCode);
        Assert.Equal("Task expired before completion", statusEvent.FailureReason);
        Assert.Null(statusEvent.OutputS3Uri);
        var notify = Assert.IsType<ReviewVerdict.NotifyOperator>(ReviewVerdicts.From(statusEvent));
        Assert.Contains("\"Expired\"", notify.Reason, StringComparison.Ordinal);
        Assert.Contains("Task expired before completion", notify.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Stopped_status_example_asks_an_operator()
    {
        var statusEvent = HumanLoopStatusEvent.Parse(ReviewFixtures.Read("a2i-humanloop-status-change.stopped.SYNTHESIZED.json")).Value!;

        Assert.Equal(HumanLoopStatus.Stopped, statusEvent.Status);
        var notify = Assert.IsType<ReviewVerdict.NotifyOperator>(ReviewVerdicts.From(statusEvent));
        Assert.Contains("stopped", notify.Reason, StringComparison.Ordinal);
    }

    private static ReviewOutput Parse(string file)
    {
        var result = ReviewOutputParser.Parse(ReviewFixtures.Read(file));
        Assert.True(result.Succeeded, result.Error);
        return result.Value;
    }
}
