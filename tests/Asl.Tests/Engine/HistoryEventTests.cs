using ContinuousImprovement.Asl.Json;
using ContinuousImprovement.Asl.Runtime;
using ContinuousImprovement.Asl.Tasks;

namespace ContinuousImprovement.Asl.Tests.Engine;

public sealed class HistoryEventTests
{
    private const string Child = """{"StartAt":"Double","States":{"Double":{"Type":"Pass","Parameters":{"doubled.$":"States.MathAdd($.n, $.n)"},"End":true}}}""";

    private static JsonObject Details(Execution execution, HistoryEventType type)
    {
        var key = char.ToLowerInvariant(type.ToString()[0]) + type.ToString()[1..] + "EventDetails";
        var json = execution.History.Single(e => e.Type == type).ToJson();
        return (JsonObject)json[key]!;
    }

    private static string Text(JsonObject details, string member) => ((JsonString)details[member]!).Value;

    [Fact]
    public async Task Lambda_invoke_records_task_events_naming_the_lambda_service_and_the_invoke_action()
    {
        var harness = new EngineHarness().Function("Double", x => JsonValue.From(((JsonNumber)((JsonObject)x)["n"]!).Value * 2));

        var execution = await harness.RunAsync(
            """{"StartAt":"Call","States":{"Call":{"Type":"Task","Resource":"arn:aws:states:::lambda:invoke","TimeoutSeconds":30,"Parameters":{"FunctionName":"@fn(Double)","Payload":{"n.$":"$.n"}},"End":true}}}""",
            """{"n":4}""");

        Assert.Equal(
            [
                HistoryEventType.ExecutionStarted, HistoryEventType.TaskStateEntered, HistoryEventType.TaskScheduled, HistoryEventType.TaskStarted,
                HistoryEventType.TaskSucceeded, HistoryEventType.TaskStateExited, HistoryEventType.ExecutionSucceeded,
            ],
            execution.History.Select(e => e.Type));
        var scheduled = Details(execution, HistoryEventType.TaskScheduled);
        Assert.Equal(("lambda", "invoke", "us-east-1"), (Text(scheduled, "resourceType"), Text(scheduled, "resource"), Text(scheduled, "region")));
        Assert.Equal(JsonValue.Parse("""{"FunctionName":"@0@","Payload":{"n":4}}""".Replace("@0@", EngineHarness.Fn("Double"), StringComparison.Ordinal)), JsonValue.Parse(Text(scheduled, "parameters")));
        Assert.Equal(30, ((JsonNumber)scheduled["timeoutInSeconds"]!).Value);
        Assert.Equal("""{"resourceType":"lambda","resource":"invoke"}""", Details(execution, HistoryEventType.TaskStarted).ToJson());
        var succeeded = Details(execution, HistoryEventType.TaskSucceeded);
        Assert.Equal("lambda", Text(succeeded, "resourceType"));
        Assert.Equal(8, ((JsonNumber)((JsonObject)JsonValue.Parse(Text(succeeded, "output")))["Payload"]!).Value);
    }

    [Fact]
    public async Task A_failing_lambda_invoke_records_task_failed_with_the_error_and_cause()
    {
        var harness = new EngineHarness().Function("Boom", _ => TaskResult.Failure("Custom.Boom", "it broke"));

        var execution = await harness.RunAsync("""{"StartAt":"Call","States":{"Call":{"Type":"Task","Resource":"arn:aws:states:::lambda:invoke","Parameters":{"FunctionName":"Boom"},"End":true}}}""");

        Assert.Equal("""{"resourceType":"lambda","resource":"invoke","error":"Custom.Boom","cause":"it broke"}""", Details(execution, HistoryEventType.TaskFailed).ToJson());
        Assert.DoesNotContain(execution.History, e => e.Type.ToString().StartsWith("LambdaFunction", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_plain_function_arn_records_lambda_function_events_with_the_arn_input_and_timeout()
    {
        var harness = new EngineHarness().Function("Echo", x => x);

        var execution = await harness.RunAsync("""{"StartAt":"T","States":{"T":{"Type":"Task","Resource":"@fn(Echo)","TimeoutSeconds":9,"End":true}}}""", """{"a":1}""");

        Assert.Equal(
            """{"resource":"@0@","input":"{\"a\":1}","timeoutInSeconds":9}""".Replace("@0@", EngineHarness.Fn("Echo"), StringComparison.Ordinal),
            Details(execution, HistoryEventType.LambdaFunctionScheduled).ToJson());
        Assert.Equal("""{"output":"{\"a\":1}"}""", Details(execution, HistoryEventType.LambdaFunctionSucceeded).ToJson());
        Assert.DoesNotContain(execution.History, e => e.Type is HistoryEventType.TaskScheduled or HistoryEventType.TaskSucceeded);
    }

    [Fact]
    public async Task A_missed_heartbeat_of_a_service_integration_is_recorded_as_task_timed_out()
    {
        var harness = new EngineHarness();
        var never = new TaskCompletionSource<TaskResult>();
        harness.Registry.AddAwsSdk("ssm", "getParameter", async (_, _) => (await never.Task).Output!);
        var execution = harness.Engine.Start(harness.Load("""{"StartAt":"T","States":{"T":{"Type":"Task","Resource":"arn:aws:states:::aws-sdk:ssm:getParameter","HeartbeatSeconds":10,"Parameters":{"Name":"/x"},"End":true}}}"""), JsonObject.Empty);

        harness.Clock.Advance(TimeSpan.FromSeconds(11));
        await execution.Completion.WaitAsync(TimeSpan.FromSeconds(10));

        var scheduled = Details(execution, HistoryEventType.TaskScheduled);
        Assert.Equal(("aws-sdk:ssm", "getParameter", 10.0), (Text(scheduled, "resourceType"), Text(scheduled, "resource"), ((JsonNumber)scheduled["heartbeatInSeconds"]!).Value));
        Assert.Equal(StatesErrors.HeartbeatTimeout, Text(Details(execution, HistoryEventType.TaskTimedOut), "error"));
    }

    [Fact]
    public async Task Start_execution_sync_records_task_submitted_with_the_start_response_before_task_succeeded()
    {
        var engine = new AslEngine(new AslEngineOptions { Clock = new VirtualClock() });
        var registry = new TaskRegistry();
        var child = StateMachine.Load(Child, "Child", registry);
        new StepFunctionsIntegration(engine, arn => arn == child.Arn ? child : null).AddTo(registry);
        var parent = StateMachine.Load(
            """{"StartAt":"Run","States":{"Run":{"Type":"Task","Resource":"arn:aws:states:::states:startExecution.sync","Parameters":{"StateMachineArn":"@0@","Name":"kid","Input":{"n":3}},"End":true}}}""".Replace("@0@", child.Arn, StringComparison.Ordinal),
            "Parent",
            registry);

        var execution = await engine.RunAsync(parent, JsonObject.Empty);

        var types = execution.History.Select(e => e.Type).ToList();
        Assert.Equal([HistoryEventType.TaskScheduled, HistoryEventType.TaskStarted, HistoryEventType.TaskSubmitted, HistoryEventType.TaskSucceeded], types.Where(t => t.ToString().StartsWith("Task", StringComparison.Ordinal) && !t.ToString().StartsWith("TaskState", StringComparison.Ordinal)));
        var submitted = Details(execution, HistoryEventType.TaskSubmitted);
        Assert.Equal(("states", "startExecution.sync"), (Text(submitted, "resourceType"), Text(submitted, "resource")));
        Assert.Equal(child.Arn.Replace(":stateMachine:", ":execution:", StringComparison.Ordinal) + ":kid", ((JsonString)((JsonObject)JsonValue.Parse(Text(submitted, "output")))["ExecutionArn"]!).Value);
    }

    [Theory]
    [InlineData("arn:aws:states:::sns:publish", "sns", "publish")]
    [InlineData("arn:aws:states:::states:startExecution.sync", "states", "startExecution.sync")]
    [InlineData("arn:aws:states:::aws-sdk:ssm:getParameter", "aws-sdk:ssm", "getParameter")]
    [InlineData("arn:aws:states:::lambda:invoke.waitForTaskToken", "lambda", "invoke.waitForTaskToken")]
    [InlineData("arn:aws:states:eu-west-1:123456789012:activity:review", "states", "arn:aws:states:eu-west-1:123456789012:activity:review")]
    public void A_resource_is_split_into_the_service_and_action_task_events_name(string resource, string resourceType, string action)
    {
        var target = TaskEventTarget.Of(resource, "eu-west-1");

        Assert.Equal((resourceType, action, "eu-west-1"), (target.ResourceType, target.Resource, target.Region));
    }
}
