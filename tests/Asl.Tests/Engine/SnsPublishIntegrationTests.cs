using ContinuousImprovement.Asl.Definition;
using ContinuousImprovement.Asl.Json;
using ContinuousImprovement.Asl.Runtime;
using ContinuousImprovement.Asl.Tasks;

namespace ContinuousImprovement.Asl.Tests.Engine;

public sealed class SnsPublishIntegrationTests
{
    private const string Topic = "arn:aws:sns:us-east-1:123456789012:ops";

    private sealed class ListSink : ISnsPublishSink
    {
        public List<SnsMessage> Messages { get; } = [];

        public AwsSdkException? Fail { get; init; }

        public ValueTask PublishAsync(SnsMessage message, CancellationToken cancellationToken)
        {
            if (Fail is not null)
            {
                throw Fail;
            }

            Messages.Add(message);
            return ValueTask.CompletedTask;
        }
    }

    private static (EngineHarness Harness, ListSink Sink) Setup(ListSink? sink = null)
    {
        var harness = new EngineHarness();
        sink ??= new ListSink();
        var ids = 0;
        new SnsPublishIntegration(sink, () => $"id-{++ids}").AddTo(harness.Registry);
        return (harness, sink);
    }

    private static string Publish(string parameters) =>
        """{"StartAt":"Tell","States":{"Tell":{"Type":"Task","Resource":"arn:aws:states:::sns:publish","Parameters":@0@,"End":true}}}""".Replace("@0@", parameters, StringComparison.Ordinal);

    [Fact]
    public async Task Publish_hands_topic_message_subject_and_attributes_to_the_sink_and_returns_the_message_id()
    {
        var (harness, sink) = Setup();

        var execution = await harness.RunAsync(
            Publish("""{"TopicArn":"@0@","Message.$":"$.text","Subject":"Model ready","MessageAttributes":{"kind":{"DataType":"String","StringValue":"model-ready"}}}""".Replace("@0@", Topic, StringComparison.Ordinal)),
            """{"text":"v7 is serving"}""");

        var message = Assert.Single(sink.Messages);
        Assert.Equal((Topic, "v7 is serving", "Model ready", "id-1"), (message.TopicArn, message.Message, message.Subject, message.MessageId));
        Assert.Equal(new SnsAttributeValue("String", "model-ready", null), message.MessageAttributes["kind"]);
        var output = (JsonObject)execution.Output!;
        Assert.Equal("id-1", ((JsonString)output["MessageId"]!).Value);
        Assert.Equal(200, ((JsonNumber)((JsonObject)output["SdkHttpMetadata"]!)["HttpStatusCode"]!).Value);
    }

    [Fact]
    public async Task A_json_message_is_published_as_its_json_text()
    {
        var (harness, sink) = Setup();

        await harness.RunAsync(Publish("""{"TopicArn":"@0@","Message.$":"$"}""".Replace("@0@", Topic, StringComparison.Ordinal)), """{"a":[1,2]}""");

        Assert.Equal("""{"a":[1,2]}""", Assert.Single(sink.Messages).Message);
    }

    [Theory]
    [InlineData("""{"TopicArn":"not-an-arn","Message":"hi"}""", "SNS.InvalidParameterException", "TopicArn")]
    [InlineData("""{"TopicArn":"TOPIC","Message":""}""", "SNS.InvalidParameterException", "Empty message")]
    [InlineData("""{"TopicArn":"TOPIC","Message":"hi","Subject":"line\nbreak"}""", "SNS.InvalidParameterException", "Subject")]
    [InlineData("""{"TopicArn":"TOPIC","Message":"hi","MessageAttributes":{"k":{"DataType":"String"}}}""", "SNS.InvalidParameterException", "MessageAttributes['k']")]
    [InlineData("""{"PhoneNumber":"+15555550100","Message":"hi"}""", "SNS.InvalidParameterException", "PhoneNumber")]
    public async Task Bad_publish_parameters_fail_the_task_with_sns_error_naming_the_field(string parameters, string error, string causePart)
    {
        var (harness, sink) = Setup();

        var execution = await harness.RunAsync(Publish(parameters.Replace("TOPIC", Topic, StringComparison.Ordinal)));

        Assert.Equal(error, execution.Error);
        Assert.Contains(causePart, execution.Cause, StringComparison.Ordinal);
        Assert.Contains("'Tell'", execution.Cause, StringComparison.Ordinal);
        Assert.Empty(sink.Messages);
    }

    [Theory]
    [InlineData("""{"Message":"hi"}""", "needs exactly one of TopicArn, TargetArn, PhoneNumber, not 0")]
    [InlineData("""{"TopicArn":"TOPIC","PhoneNumber":"+15555550100","Message":"hi"}""", "needs exactly one of TopicArn, TargetArn, PhoneNumber, not 2")]
    [InlineData("""{"TopicArn":"TOPIC"}""", "needs a Message (or Message.$)")]
    [InlineData("""{"TopicArn":"TOPIC","Message":"hi","Bogus.$":"$"}""", "does not take the field 'Bogus'")]
    public void Publish_parameters_that_can_never_work_are_refused_at_load_as_step_functions_refuses_them(string parameters, string problem)
    {
        var (harness, _) = Setup();

        var error = Assert.Throws<AslDefinitionException>(() => harness.Load(Publish(parameters.Replace("TOPIC", Topic, StringComparison.Ordinal))));

        var only = Assert.Single(error.Problems);
        Assert.Contains("'Tell'", only, StringComparison.Ordinal);
        Assert.Contains(problem, only, StringComparison.Ordinal);
    }

    [Fact]
    public void A_publish_without_parameters_is_refused_at_load()
    {
        var (harness, _) = Setup();

        var error = Assert.Throws<AslDefinitionException>(() => harness.Load("""{"StartAt":"Tell","States":{"Tell":{"Type":"Task","Resource":"arn:aws:states:::sns:publish","End":true}}}"""));

        Assert.Contains("sns:publish needs Parameters with TopicArn and Message", Assert.Single(error.Problems), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_sink_error_becomes_the_sns_exception_name_that_catch_can_match()
    {
        var (harness, _) = Setup(new ListSink { Fail = new AwsSdkException("NotFound", "Topic does not exist") });

        var execution = await harness.RunAsync(
            """{"StartAt":"Tell","States":{"Tell":{"Type":"Task","Resource":"arn:aws:states:::sns:publish","Parameters":{"TopicArn":"@0@","Message":"x"},"Catch":[{"ErrorEquals":["SNS.NotFoundException"],"ResultPath":"$.error","Next":"Caught"}],"End":true},"Caught":{"Type":"Pass","End":true}}}""".Replace("@0@", Topic, StringComparison.Ordinal));

        Assert.Equal(ExecutionStatus.Succeeded, execution.Status);
        Assert.Equal("SNS.NotFoundException", ((JsonString)((JsonObject)((JsonObject)execution.Output!)["error"]!)["Error"]!).Value);
    }
}
