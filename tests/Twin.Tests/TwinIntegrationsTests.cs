using ContinuousImprovement.Asl.Definition;
using ContinuousImprovement.Asl.Json;
using ContinuousImprovement.Asl.Runtime;
using ContinuousImprovement.Local.Adapters;
using ContinuousImprovement.Local.Twin.Integrations;

namespace ContinuousImprovement.Local.Twin.Tests;

public sealed class TwinIntegrationsTests : IAsyncLifetime, IDisposable
{
    private const string Child = """{"StartAt":"Double","States":{"Double":{"Type":"Pass","Parameters":{"doubled.$":"States.MathAdd($.n, $.n)"},"End":true}}}""";

    // Names outside the catalog's prefix, so the writes start no parameter-apply run.
    private const string Parent = """
        {"StartAt":"Read","States":{
          "Read":{"Type":"Task","Resource":"arn:aws:states:::aws-sdk:ssm:getParameter","Parameters":{"Name":"/twin-test/greeting"},
                  "ResultSelector":{"greeting.$":"$.Parameter.Value","version.$":"$.Parameter.Version"},"ResultPath":"$.read","Next":"Write"},
          "Write":{"Type":"Task","Resource":"arn:aws:states:::aws-sdk:ssm:putParameter","Parameters":{"Name":"/twin-test/reply","Value.$":"States.Format('{} back', $.read.greeting)"},
                  "ResultPath":"$.write","Next":"Child"},
          "Child":{"Type":"Task","Resource":"arn:aws:states:::states:startExecution.sync","Parameters":{"StateMachineArn":"CHILD_ARN","Name":"child-run","Input":{"n":21}},
                  "ResultSelector":{"out.$":"States.StringToJson($.Output)"},"ResultPath":"$.child","Next":"Tell"},
          "Tell":{"Type":"Task","Resource":"arn:aws:states:::sns:publish","Parameters":{"TopicArn":"arn:aws:sns:us-east-1:123456789012:ops","Message.$":"$.read.greeting","Subject":"Twin says",
                  "MessageAttributes":{"kind":{"DataType":"String","StringValue":"twin-test"}}},"ResultSelector":{"id.$":"$.MessageId"},"ResultPath":"$.sns","End":true}}}
        """;

    private readonly TwinFolder folder = new();
    private readonly VirtualClock clock = new(new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero));
    private LocalTwin twin = null!;

    public async Task InitializeAsync() =>
        twin = await LocalTwin.OpenAsync(new TwinOptions(folder.Path) { Clock = clock, Trainer = new ScriptedTrainer(Path.Combine(folder.Path, "plan.json")) });

    public async Task DisposeAsync()
    {
        await twin.WhenIdleAsync();
        await twin.DisposeAsync();
    }

    public void Dispose() => folder.Dispose();

    [Fact]
    public async Task A_definition_using_ssm_start_execution_and_sns_publish_runs_on_the_twins_ports()
    {
        await twin.Parameters.PutAsync("/twin-test/greeting", "hello", default);
        var child = twin.Load(Child, "child");
        var parent = twin.Load(Parent.Replace("CHILD_ARN", child.Arn, StringComparison.Ordinal), "parent");

        var execution = await twin.Engine.RunAsync(parent, JsonObject.Empty);

        Assert.Equal(ExecutionStatus.Succeeded, execution.Status);
        var output = (JsonObject)execution.Output!;
        Assert.Equal(JsonValue.Parse("""{"greeting":"hello","version":1}"""), output["read"]);
        Assert.Equal(JsonValue.Parse("""{"Tier":"Standard","Version":1}"""), output["write"]);
        Assert.Equal("hello back", (await twin.Parameters.GetAsync("/twin-test/reply", default))!.Value);
        Assert.Equal(JsonValue.Parse("""{"out":{"doubled":42}}"""), output["child"]);
        Assert.Equal(ExecutionStatus.Succeeded, twin.Engine.Executions.Single(e => e.Name == "child-run" && e.StateMachineArn == child.Arn).Status);
        var mail = Assert.Single(twin.Outbox.Published(), n => n.Kind == "twin-test");
        Assert.Equal(("Twin says", "hello", clock.Now), (mail.Subject, mail.Message, mail.At));
        Assert.Equal(36, ((JsonString)((JsonObject)output["sns"]!)["id"]!).Value.Length);
    }

    [Fact]
    public async Task A_child_started_without_sync_is_waited_for_and_journaled_like_the_twins_own_executions()
    {
        var child = twin.Load(Child, "child");
        var parent = twin.Load(
            """{"StartAt":"Start","States":{"Start":{"Type":"Task","Resource":"arn:aws:states:::states:startExecution","Parameters":{"StateMachineArn":"CHILD_ARN","Name":"fire-and-forget","Input":{"n":4}},"End":true}}}""".Replace("CHILD_ARN", child.Arn, StringComparison.Ordinal),
            "parent");

        var started = await twin.Engine.RunAsync(parent, JsonObject.Empty);
        await twin.WhenIdleAsync();

        Assert.Equal(ExecutionStatus.Succeeded, started.Status);
        var journaled = Assert.Single(twin.Journal.Summaries());
        Assert.Equal(("fire-and-forget", "child", "SUCCEEDED"), (journaled.Name, journaled.Workflow, journaled.Status));
        Assert.Equal("""{"doubled":8}""", (string?)System.Text.Json.Nodes.JsonNode.Parse(twin.Journal.History("fire-and-forget")!)!["output"]);
    }

    [Fact]
    public async Task Ssm_errors_reach_the_state_machine_under_their_aws_names()
    {
        await twin.Parameters.PutAsync("/twin-test/taken", "first", default);
        var machine = twin.Load(
            """
            {"StartAt":"Create","States":{
              "Create":{"Type":"Task","Resource":"arn:aws:states:::aws-sdk:ssm:putParameter","Parameters":{"Name":"/twin-test/taken","Value":"second"},
                        "Catch":[{"ErrorEquals":["Ssm.ParameterAlreadyExistsException"],"ResultPath":"$.create","Next":"Read"}],"End":true},
              "Read":{"Type":"Task","Resource":"arn:aws:states:::aws-sdk:ssm:getParameter","Parameters":{"Name":"/twin-test/absent"},"End":true}}}
            """,
            "errors");

        var execution = await twin.Engine.RunAsync(machine, JsonObject.Empty);

        Assert.Equal(("Ssm.ParameterNotFoundException", ExecutionStatus.Failed), (execution.Error, execution.Status));
        Assert.Contains("/twin-test/absent", execution.Cause, StringComparison.Ordinal);
        Assert.Equal("first", (await twin.Parameters.GetAsync("/twin-test/taken", default))!.Value);
        Assert.Contains(execution.History, e => e.Type == HistoryEventType.TaskFailed && e.Error == "Ssm.ParameterAlreadyExistsException" && e.StateName == "Create");
    }

    [Fact]
    public async Task Without_a_subject_or_kind_the_outbox_gets_sns_default_subject_and_kind()
    {
        var machine = twin.Load("""{"StartAt":"Tell","States":{"Tell":{"Type":"Task","Resource":"arn:aws:states:::sns:publish","Parameters":{"TopicArn":"arn:aws:sns:us-east-1:123456789012:ops","Message":"plain"},"End":true}}}""", "plain");

        await twin.Engine.RunAsync(machine, JsonObject.Empty);

        var mail = Assert.Single(twin.Outbox.Published(), n => n.Message == "plain");
        Assert.Equal((OutboxSnsSink.DefaultKind, OutboxSnsSink.DefaultSubject), (mail.Kind, mail.Subject));
    }

    [Fact]
    public void An_sdk_action_the_twin_does_not_map_is_refused_when_the_definition_loads()
    {
        var error = Assert.Throws<AslDefinitionException>(() => twin.Load("""{"StartAt":"Drop","States":{"Drop":{"Type":"Task","Resource":"arn:aws:states:::aws-sdk:ssm:deleteParameter","Parameters":{"Name":"/x"},"End":true}}}""", "drop"));

        var problem = Assert.Single(error.Problems);
        Assert.Contains("'Drop'", problem, StringComparison.Ordinal);
        Assert.Contains("registered: ssm:getParameter, ssm:putParameter", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void The_product_workflows_are_startable_by_arn()
    {
        var detection = twin.Machines.Find("arn:aws:states:us-east-1:123456789012:stateMachine:detection");

        Assert.Equal("detection", detection?.Name);
    }
}
