using ContinuousImprovement.Asl.Definition;
using ContinuousImprovement.Asl.Json;
using ContinuousImprovement.Asl.Runtime;
using ContinuousImprovement.Asl.Tasks;

namespace ContinuousImprovement.Asl.Tests.Engine;

public sealed class IntegrationTests
{
    private const string Child = """{"StartAt":"Double","States":{"Double":{"Type":"Pass","Parameters":{"doubled.$":"States.MathAdd($.n, $.n)"},"End":true}}}""";

    private static (AslEngine Engine, TaskRegistry Registry, StateMachine Child) Setup()
    {
        var engine = new AslEngine(new AslEngineOptions { Clock = new VirtualClock() });
        var registry = new TaskRegistry();
        var child = StateMachine.Load(Child, "Child", registry);
        new StepFunctionsIntegration(engine, arn => arn == child.Arn ? child : null).AddTo(registry);
        return (engine, registry, child);
    }

    [Fact]
    public async Task A_state_machine_starts_another_and_waits_for_its_output_with_sync()
    {
        var (engine, registry, child) = Setup();
        var parent = StateMachine.Load(
            """{"StartAt":"Run","States":{"Run":{"Type":"Task","Resource":"arn:aws:states:::states:startExecution.sync","Parameters":{"StateMachineArn":"CHILD","Input":{"n.$":"$.n"}},"ResultSelector":{"output.$":"States.StringToJson($.Output)","status.$":"$.Status"},"End":true}}}""".Replace("CHILD", child.Arn, StringComparison.Ordinal),
            "Parent",
            registry);

        var execution = await engine.RunAsync(parent, JsonValue.Parse("""{"n":21}"""));

        Assert.Equal(JsonValue.Parse("""{"output":{"doubled":42},"status":"SUCCEEDED"}"""), execution.Output);
    }

    [Fact]
    public async Task Starting_without_sync_returns_the_child_execution_arn_at_once()
    {
        var (engine, registry, child) = Setup();
        var parent = StateMachine.Load(
            """{"StartAt":"Run","States":{"Run":{"Type":"Task","Resource":"arn:aws:states:::states:startExecution","Parameters":{"StateMachineArn":"CHILD","Name":"child-1","Input":"{\"n\":1}"},"End":true}}}""".Replace("CHILD", child.Arn, StringComparison.Ordinal),
            "Parent",
            registry);

        var execution = await engine.RunAsync(parent, JsonObject.Empty);

        Assert.EndsWith(":execution:Child:child-1", ((JsonString)((JsonObject)execution.Output!)["ExecutionArn"]!).Value, StringComparison.Ordinal);
        Assert.Equal(JsonValue.Parse("""{"doubled":2}"""), engine.Executions.Single(e => e.Name == "child-1").Output);
    }

    [Fact]
    public async Task An_unknown_state_machine_fails_the_task_with_the_service_error()
    {
        var (engine, registry, _) = Setup();
        var parent = StateMachine.Load(
            """{"StartAt":"Run","States":{"Run":{"Type":"Task","Resource":"arn:aws:states:::states:startExecution","Parameters":{"StateMachineArn":"arn:aws:states:us-east-1:123456789012:stateMachine:Nope"},"End":true}}}""",
            "Parent",
            registry);

        var execution = await engine.RunAsync(parent, JsonObject.Empty);

        Assert.Equal("StepFunctions.StateMachineDoesNotExistException", execution.Error);
    }

    [Theory]
    [InlineData("{\"ok\":true}", ExecutionStatus.Succeeded, null)]
    [InlineData("not json at all", ExecutionStatus.Failed, "The task of state 'Call' returned output that is not JSON")]
    [InlineData("{\"truncated\":", ExecutionStatus.Failed, "returned output that is not JSON")]
    public async Task A_function_speaking_json_text_has_its_answer_parsed_or_the_state_named(string answer, ExecutionStatus status, string? cause)
    {
        var registry = new TaskRegistry().AddFunction("Fn", new JsonTextTaskHandler((_, _) => ValueTask.FromResult<ReadOnlyMemory<byte>>(System.Text.Encoding.UTF8.GetBytes(answer))));
        var engine = new AslEngine(new AslEngineOptions { Clock = new VirtualClock() });

        var execution = await engine.RunAsync(StateMachine.Load("""{"StartAt":"Call","States":{"Call":{"Type":"Task","Resource":"Fn","End":true}}}""", "M", registry), JsonObject.Empty);

        Assert.Equal(status, execution.Status);
        if (cause is not null)
        {
            Assert.Contains(cause, execution.Cause, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task History_and_description_print_as_the_aws_cli_does()
    {
        var engine = new AslEngine(new AslEngineOptions { Clock = new VirtualClock() });
        var execution = await engine.RunAsync(StateMachine.Load("""{"StartAt":"P","States":{"P":{"Type":"Pass","Result":1,"End":true}}}""", "M", new TaskRegistry()), JsonObject.Empty, "run-1");

        var history = (JsonArray)execution.HistoryJson()["events"]!;
        var describe = execution.DescribeJson();

        Assert.Equal(["ExecutionStarted", "PassStateEntered", "PassStateExited", "ExecutionSucceeded"], history.Select(e => ((JsonString)((JsonObject)e)["type"]!).Value));
        Assert.Equal("{\"output\":\"1\"}", ((JsonObject)history[3])["executionSucceededEventDetails"]!.ToJson());
        Assert.Equal("SUCCEEDED", ((JsonString)describe["status"]!).Value);
        Assert.Equal("arn:aws:states:us-east-1:123456789012:execution:M:run-1", ((JsonString)describe["executionArn"]!).Value);
        Assert.Equal("1", ((JsonString)describe["output"]!).Value);
    }

    [Theory]
    [InlineData("has space")]
    [InlineData("")]
    [InlineData("a/b")]
    [InlineData("x*")]
    public void Invalid_execution_names_are_refused(string name)
    {
        var engine = new AslEngine(new AslEngineOptions { Clock = new VirtualClock() });
        var machine = StateMachine.Load("""{"StartAt":"P","States":{"P":{"Type":"Pass","End":true}}}""", "M", new TaskRegistry());

        Assert.Throws<ArgumentException>(() => engine.Start(machine, JsonObject.Empty, name));
    }

    [Fact]
    public void An_execution_input_over_256_KiB_is_refused_at_start()
    {
        var engine = new AslEngine(new AslEngineOptions { Clock = new VirtualClock() });
        var machine = StateMachine.Load("""{"StartAt":"P","States":{"P":{"Type":"Pass","End":true}}}""", "M", new TaskRegistry());

        var error = Assert.Throws<ArgumentException>(() => engine.Start(machine, JsonValue.From(new string('x', 262_144))));
        Assert.StartsWith("InvalidExecutionInput", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("arn:aws:lambda:us-east-1:123456789012:function:nope", "'arn:aws:lambda:us-east-1:123456789012:function:nope'")]
    [InlineData("nope", "'nope'")]
    public void A_literal_lambda_invoke_function_name_the_registry_does_not_know_is_refused_at_load(string functionName, string quoted)
    {
        var harness = new EngineHarness().Function("Known", x => x);

        var error = Assert.Throws<AslDefinitionException>(() => harness.Load("""{"StartAt":"Call","States":{"Call":{"Type":"Task","Resource":"arn:aws:states:::lambda:invoke","Parameters":{"FunctionName":"@0@","Payload":{}},"End":true}}}""".Replace("@0@", functionName, StringComparison.Ordinal)));

        var problem = Assert.Single(error.Problems);
        Assert.Contains("'Call'", problem, StringComparison.Ordinal);
        Assert.Contains("FunctionName " + quoted, problem, StringComparison.Ordinal);
    }

    [Fact]
    public void A_placeholder_filled_with_an_unknown_function_is_refused_at_load()
    {
        var harness = new EngineHarness().Function("Known", x => x);
        var substitutions = new Dictionary<string, string> { ["FnArn"] = EngineHarness.Fn("Missing") };

        var error = Assert.Throws<AslDefinitionException>(() => harness.Load("""{"StartAt":"Call","States":{"Call":{"Type":"Task","Resource":"arn:aws:states:::lambda:invoke","Parameters":{"FunctionName":"${FnArn}"},"End":true}}}""", substitutions));

        Assert.Contains(EngineHarness.Fn("Missing"), Assert.Single(error.Problems), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"Payload":{}}""", "needs a FunctionName")]
    [InlineData("""{"FunctionName":42}""", "must be a string")]
    public void A_lambda_invoke_without_a_usable_function_name_is_refused_at_load(string parameters, string problem)
    {
        var harness = new EngineHarness().Function("Known", x => x);

        var error = Assert.Throws<AslDefinitionException>(() => harness.Load("""{"StartAt":"Call","States":{"Call":{"Type":"Task","Resource":"arn:aws:states:::lambda:invoke","Parameters":@0@,"End":true}}}""".Replace("@0@", parameters, StringComparison.Ordinal)));

        Assert.Contains(problem, Assert.Single(error.Problems), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Known")]
    [InlineData("Known:live")]
    [InlineData("Known:3")]
    [InlineData("arn:aws:lambda:us-east-1:123456789012:function:Known:live")]
    public async Task A_lambda_invoke_may_name_the_function_with_a_version_or_alias_as_lambda_accepts(string functionName)
    {
        var harness = new EngineHarness().Function("Known", x => x);
        var machine = harness.Load("""{"StartAt":"Call","States":{"Call":{"Type":"Task","Resource":"arn:aws:states:::lambda:invoke","Parameters":{"FunctionName":"@0@","Payload":{"n":1}},"OutputPath":"$.Payload","End":true}}}""".Replace("@0@", functionName, StringComparison.Ordinal));

        var execution = await harness.Engine.RunAsync(machine, JsonObject.Empty);

        Assert.Equal(ExecutionStatus.Succeeded, execution.Status);
        Assert.Equal(JsonValue.Parse("""{"n":1}"""), execution.Output);
    }

    [Theory]
    [InlineData("""{"Type":"Task","Resource":"arn:aws:states:::lambda:invoke","End":true}""", "lambda:invoke needs Parameters naming the function")]
    [InlineData("""{"Type":"Task","Resource":"arn:aws:states:::lambda:invoke","Parameters":"Known","End":true}""", "lambda:invoke needs Parameters naming the function")]
    [InlineData("""{"Type":"Task","Resource":"arn:aws:states:::lambda:invoke.sync","Parameters":{"FunctionName":"Known"},"End":true}""", "lambda:invoke has no .sync form")]
    public void A_lambda_invoke_without_parameters_or_with_a_sync_suffix_is_refused_at_load(string state, string problem)
    {
        var harness = new EngineHarness().Function("Known", x => x);

        var error = Assert.Throws<AslDefinitionException>(() => harness.Load("""{"StartAt":"Call","States":{"Call":@0@}}""".Replace("@0@", state, StringComparison.Ordinal)));

        var only = Assert.Single(error.Problems);
        Assert.Contains("'Call'", only, StringComparison.Ordinal);
        Assert.Contains(problem, only, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_dynamic_function_name_is_checked_when_the_state_runs()
    {
        var harness = new EngineHarness().Function("Known", x => x);
        var machine = harness.Load("""{"StartAt":"Call","States":{"Call":{"Type":"Task","Resource":"arn:aws:states:::lambda:invoke","Parameters":{"FunctionName.$":"$.fn"},"End":true}}}""");

        var known = await harness.Engine.RunAsync(machine, JsonValue.Parse("""{"fn":"Known"}"""));
        var unknown = await harness.Engine.RunAsync(machine, JsonValue.Parse("""{"fn":"Gone"}"""));

        Assert.Equal(ExecutionStatus.Succeeded, known.Status);
        Assert.Equal("Lambda.ResourceNotFoundException", unknown.Error);
        Assert.Contains("Gone", unknown.Cause, StringComparison.Ordinal);
    }
}
