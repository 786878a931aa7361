using ContinuousImprovement.Core.Review;

namespace ContinuousImprovement.Core.Tests.Review;

public sealed class HumanLoopStatusEventTests
{
    [Theory]
    [InlineData("InProgress", HumanLoopStatus.InProgress)]
    [InlineData("Completed", HumanLoopStatus.Completed)]
    [InlineData("Failed", HumanLoopStatus.Failed)]
    [InlineData("Stopping", HumanLoopStatus.Stopping)]
    [InlineData("Stopped", HumanLoopStatus.Stopped)]
    public void Each_documented_status_is_read(string status, HumanLoopStatus expected)
    {
        var result = HumanLoopStatusEvent.Parse(Event($"\"humanLoopStatus\": \"{status}\""));

        Assert.True(result.Succeeded, result.Error);
        Assert.Equal(expected, result.Value.Status);
    }

    [Fact]
    public void Absent_or_null_output_is_no_output_uri()
    {
        var absent = HumanLoopStatusEvent.Parse(Event("\"humanLoopStatus\": \"Failed\""));
        var explicitNull = HumanLoopStatusEvent.Parse(Event("\"humanLoopStatus\": \"Failed\", \"humanLoopOutput\": null"));
        var emptyObject = HumanLoopStatusEvent.Parse(Event("\"humanLoopStatus\": \"Failed\", \"humanLoopOutput\": {}"));

        Assert.Null(absent.Value!.OutputS3Uri);
        Assert.Null(explicitNull.Value!.OutputS3Uri);
        Assert.Null(emptyObject.Value!.OutputS3Uri);
    }

    [Fact]
    public void Completed_without_an_output_uri_asks_an_operator()
    {
        var statusEvent = HumanLoopStatusEvent.Parse(Event("\"humanLoopStatus\": \"Completed\"")).Value!;

        var notify = Assert.IsType<ReviewVerdict.NotifyOperator>(ReviewVerdicts.From(statusEvent));
        Assert.Contains("names no output document", notify.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("InProgress")]
    [InlineData("Stopping")]
    public void Transitional_statuses_are_only_recorded(string status)
    {
        var statusEvent = HumanLoopStatusEvent.Parse(Event($"\"humanLoopStatus\": \"{status}\"")).Value!;

        var record = Assert.IsType<ReviewVerdict.RecordOnly>(ReviewVerdicts.From(statusEvent));
        Assert.Contains(status, record.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("\"humanLoopStatus\": \"Completed\"", "Other Event", "detail-type must be \"SageMaker A2I HumanLoop Status Change\", found \"Other Event\"")]
    [InlineData("\"humanLoopStatus\": \"completed\"", null, "detail.humanLoopStatus \"completed\" is not one of InProgress, Completed, Failed, Stopping, Stopped")]
    [InlineData("\"humanLoopStatus\": \"Paused\"", null, "\"Paused\" is not one of")]
    [InlineData("\"humanLoopStatus\": null", null, "detail.humanLoopStatus null is not one of")]
    [InlineData("\"humanLoopStatus\": \"Completed\", \"humanLoopOutput\": { \"outputS3Uri\": \"/tmp/out.json\" }", null, "outputS3Uri must be an s3://bucket/key URI, found \"/tmp/out.json\"")]
    [InlineData("\"humanLoopStatus\": \"Completed\", \"humanLoopOutput\": \"s3://b/k\"", null, "detail.humanLoopOutput must be an object, found a string")]
    public void Malformed_events_are_errors_that_name_the_problem(string detail, string? detailType, string expected)
    {
        var result = HumanLoopStatusEvent.Parse(Event(detail, detailType ?? HumanLoopStatusEvent.DetailType));

        Assert.False(result.Succeeded);
        Assert.Contains(expected, result.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{ "detail-type": "SageMaker A2I HumanLoop Status Change" }""", "detail must be an object")]
    [InlineData("""{ "detail-type": "SageMaker A2I HumanLoop Status Change", "detail": { "humanLoopArn": "a", "humanLoopStatus": "Completed" } }""", "detail.humanLoopName must be a non-empty string")]
    [InlineData("""{ "detail-type": "SageMaker A2I HumanLoop Status Change", "detail": { "humanLoopName": "n", "humanLoopStatus": "Completed" } }""", "detail.humanLoopArn must be a non-empty string")]
    [InlineData("""{ "detail": {} }""", "detail-type must be \"SageMaker A2I HumanLoop Status Change\", found null")]
    [InlineData("[1]", "must be a JSON object, found an array")]
    [InlineData("{", "not valid JSON")]
    public void Events_missing_required_parts_are_errors(string json, string expected)
    {
        var result = HumanLoopStatusEvent.Parse(json);

        Assert.False(result.Succeeded);
        Assert.Contains(expected, result.Error, StringComparison.Ordinal);
    }

    private static string Event(string detail, string detailType = HumanLoopStatusEvent.DetailType) => $$"""
        {
          "detail-type": "{{detailType}}",
          "source": "aws.sagemaker",
          "detail": {
            "humanLoopArn": "arn:aws:sagemaker:us-east-1:111111111111:human-loop/hl-1",
            "humanLoopName": "hl-1",
            {{detail}}
          }
        }
        """;
}
