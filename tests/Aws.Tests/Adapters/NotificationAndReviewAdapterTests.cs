using System.Text.Json;
using System.Web;
using ContinuousImprovement.Aws.A2iRuntime;
using ContinuousImprovement.Aws.Adapters;
using ContinuousImprovement.Aws.EventBridge;
using ContinuousImprovement.Aws.Sns;
using ContinuousImprovement.Aws.Tests.Peers;
using ContinuousImprovement.Core.Ports;
using ContinuousImprovement.Core.Review;
using ContinuousImprovement.Core.Sampling;
using ContinuousImprovement.Core.Storage;

namespace ContinuousImprovement.Aws.Tests.Adapters;

/// <summary>The A2I, SNS and EventBridge adapters over the typed clients, against a loopback server.</summary>
public sealed class NotificationAndReviewAdapterTests : IDisposable
{
    private const string FlowArn = "arn:aws:sagemaker:us-east-1:111122223333:flow-definition/ci-review";
    private const string TopicArn = "arn:aws:sns:us-east-1:111122223333:ci-events";
    private static readonly (string, string) Json11 = ("Content-Type", "application/x-amz-json-1.1");
    private static readonly DateTimeOffset At = new(2026, 11, 26, 8, 0, 0, TimeSpan.Zero);
    private readonly LoopbackServer server = new();

    private static ReviewRequest Review(string name = "ci-abc123") => new(
        name,
        new S3ObjectRef("bucket", "uploads/cat 1.jpg"),
        ["cat", "dog"],
        new Prediction([new("cat", 71.456), new("dog", 20)]),
        ["low confidence"]);

    private static JsonElement Body(ReceivedRequest request) => JsonDocument.Parse(request.Body).RootElement;

    [Fact]
    public async Task Starting_a_review_sends_the_flow_definition_and_the_task_input()
    {
        server.RespondWireExample("a2i-StartHumanLoop.200.http");
        using var client = new A2iRuntimeClient(ServiceAdapterTestClients.Options(server));

        var start = await new A2iHumanReview(client, FlowArn).StartAsync(Review(), CancellationToken.None);

        Assert.Equal(ReviewStart.Started, start);
        Assert.Equal("POST", server.Single.Method);
        Assert.Equal("/human-loops", server.Single.PathAndQuery);
        var body = Body(server.Single);
        Assert.Equal("ci-abc123", body.GetProperty("HumanLoopName").GetString());
        Assert.Equal(FlowArn, body.GetProperty("FlowDefinitionArn").GetString());
        var input = JsonDocument.Parse(body.GetProperty("HumanLoopInput").GetProperty("InputContent").GetString()!).RootElement;
        Assert.Equal(new S3ObjectRef("bucket", "uploads/cat 1.jpg").Uri, input.GetProperty("taskObject").GetString());
        Assert.Equal("cat", input.GetProperty("label").GetString());
        Assert.Equal(71.46, input.GetProperty("confidence").GetDouble());
        Assert.Equal(["cat", "dog"], input.GetProperty("labels").EnumerateArray().Select(l => l.GetString()));
        Assert.Equal(["low confidence"], input.GetProperty("reasons").EnumerateArray().Select(l => l.GetString()));
    }

    [Fact]
    public async Task A_loop_name_A2I_already_has_is_already_started()
    {
        server.RespondWireExample("a2i-StartHumanLoop.409-Conflict.http");
        using var client = new A2iRuntimeClient(ServiceAdapterTestClients.Options(server));

        Assert.Equal(ReviewStart.AlreadyStarted, await new A2iHumanReview(client, FlowArn).StartAsync(Review(), CancellationToken.None));
    }

    [Fact]
    public async Task A_review_A2I_refuses_as_invalid_is_invalid()
    {
        server.RespondWireExample("a2i-StartHumanLoop.400-Validation.http");
        using var client = new A2iRuntimeClient(ServiceAdapterTestClients.Options(server));

        var failure = await Assert.ThrowsAsync<PortException>(() => new A2iHumanReview(client, FlowArn).StartAsync(Review(), CancellationToken.None));

        Assert.Equal(PortFailure.Invalid, failure.Failure);
    }

    [Fact]
    public async Task Status_reads_the_loop_status_and_a_loop_A2I_does_not_know_is_null()
    {
        server.RespondWireExample("a2i-DescribeHumanLoop.200.http")
              .Respond(404, """{"Message":"not found"}""", ("Content-Type", "application/json"), ("x-amzn-errortype", "ResourceNotFoundException:http://internal.amazon.com/"));
        using var client = new A2iRuntimeClient(ServiceAdapterTestClients.Options(server));
        var review = new A2iHumanReview(client, FlowArn);

        var status = await review.StatusAsync("hl-0123456789abcdef", CancellationToken.None);
        var missing = await review.StatusAsync("ci-none", CancellationToken.None);

        Assert.NotNull(status);
        Assert.Null(missing);
        Assert.Equal("/human-loops/hl-0123456789abcdef", server.Received.First().PathAndQuery);
    }

    [Fact]
    public async Task Publishing_sends_topic_message_and_a_printable_subject()
    {
        server.RespondWireExample("sns-Publish.200.http");
        using var client = new SnsClient(ServiceAdapterTestClients.Options(server));

        await new SnsNotifier(client, TopicArn).PublishAsync(new Notification("ModelDeployed", "Model\tv2\nis live", "F1 0.93", At), CancellationToken.None);

        var form = HttpUtility.ParseQueryString(server.Single.Body);
        Assert.Equal("Publish", form["Action"]);
        Assert.Equal(TopicArn, form["TopicArn"]);
        Assert.Equal("F1 0.93", form["Message"]);
        Assert.Equal("Model v2 is live", form["Subject"]);
    }

    [Fact]
    public void A_long_subject_is_cut_to_SNS_limit()
    {
        var subject = SnsNotifier.Subject(new string('a', 150));

        Assert.Equal(100, subject!.Length);
        Assert.EndsWith("a~", subject, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("sns-Publish.400-InvalidParameter.http", PortFailure.Invalid)]
    [InlineData("sns-Publish.403-AuthorizationError.http", PortFailure.AccessDenied)]
    public async Task SNS_errors_become_the_matching_port_failure(string example, PortFailure expected)
    {
        server.RespondWireExample(example);
        using var client = new SnsClient(ServiceAdapterTestClients.Options(server));

        var failure = await Assert.ThrowsAsync<PortException>(() => new SnsNotifier(client, TopicArn).PublishAsync(new Notification("K", "S", "M", At), CancellationToken.None));

        Assert.Equal(expected, failure.Failure);
    }

    [Fact]
    public async Task Applying_a_schedule_puts_its_rule_with_a_rate_and_state()
    {
        server.Respond(200, """{"RuleArn":"arn:aws:events:us-east-1:111122223333:rule/ci-training-check"}""", Json11);
        using var client = new EventBridgeClient(ServiceAdapterTestClients.Options(server));

        await new EventBridgeSchedules(client, "ci-").ApplyAsync(new ScheduleSetting("training-check", false, TimeSpan.FromMinutes(90)), CancellationToken.None);

        Assert.Equal("AWSEvents.PutRule", server.Single.Header("X-Amz-Target"));
        var body = Body(server.Single);
        Assert.Equal("ci-training-check", body.GetProperty("Name").GetString());
        Assert.Equal("rate(90 minutes)", body.GetProperty("ScheduleExpression").GetString());
        Assert.Equal("DISABLED", body.GetProperty("State").GetString());
    }

    [Fact]
    public async Task Reading_a_schedule_reads_its_rule_and_a_missing_rule_is_null()
    {
        server.Respond(200, """{"Name":"ci-digest","ScheduleExpression":"rate(2 hours)","State":"ENABLED"}""", Json11)
              .Respond(400, """{"__type":"ResourceNotFoundException","message":"Rule ci-none does not exist."}""", Json11);
        using var client = new EventBridgeClient(ServiceAdapterTestClients.Options(server));
        var schedules = new EventBridgeSchedules(client, "ci-");

        Assert.Equal(new ScheduleSetting("digest", true, TimeSpan.FromHours(2)), await schedules.GetAsync("digest", CancellationToken.None));
        Assert.Null(await schedules.GetAsync("none", CancellationToken.None));
    }

    [Theory]
    [InlineData(1, "rate(1 minute)")]
    [InlineData(1.5, "rate(2 minutes)")]
    [InlineData(0.1, "rate(1 minute)")]
    [InlineData(60, "rate(60 minutes)")]
    public void Rates_are_whole_minutes_rounded_up(double minutes, string expected) =>
        Assert.Equal(expected, EventBridgeSchedules.Rate(TimeSpan.FromMinutes(minutes)));

    public void Dispose() => server.Dispose();
}
