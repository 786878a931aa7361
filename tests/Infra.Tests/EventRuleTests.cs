using System.Text.Json;
using System.Text.Json.Nodes;
using ContinuousImprovement.Core.Events;
using ContinuousImprovement.Core.Settings;
using ContinuousImprovement.Core.Parameters;
using ContinuousImprovement.Handlers.AuditSampling;
using ContinuousImprovement.Handlers.Training;

namespace ContinuousImprovement.Infra.Tests;

/// <summary>
/// The deployed rules' event patterns, read back from the synthesized template with the bucket and flow definition
/// standing in for their deploy-time values, evaluated on the real events in shared/aws/events with Core's
/// <see cref="EventPattern"/> (EventBridge's matching): each event starts exactly the rules it should.
/// </summary>
public sealed class EventRuleTests
{
    // The examples' own bucket and flow definition, so an example routes by its content, not by a value swapped in.
    private const string Bucket = "DOC-EXAMPLE-BUCKET1";
    private const string FlowDefinition = "arn:aws:sagemaker:us-east-1:111111111111:flow-definition/flowdef-nov-12";
    private const string Upload = "images_for_detection/cat 1.png";
    private const string Output = "review_output/flowdef/2026/01/01/00/05/31/hl-1/output.json";

    private static readonly Lazy<IReadOnlyList<(string Rule, EventPattern Pattern)>> Deployed = new(() =>
    {
        var synthesized = SynthesizedTemplate.Full;
        var values = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            [synthesized.Single("AWS::S3::Bucket").LogicalId] = Bucket,
            [synthesized.Single("Custom::A2iFlowDefinition").LogicalId + ".FlowDefinitionArn"] = FlowDefinition,
        };
        return [.. synthesized.Resources("AWS::Events::Rule")
            .Where(r => r.Resource.GetProperty("Properties").TryGetProperty("EventPattern", out _))
            .Select(r =>
            {
                var pattern = TemplateValues.Resolve(JsonNode.Parse(r.Resource.GetProperty("Properties").GetProperty("EventPattern").GetRawText()), values)!.ToJsonString();
                var parsed = EventPattern.Parse(pattern);
                Assert.True(parsed.Succeeded, $"{r.LogicalId}: {parsed.Error}");
                return (r.LogicalId, parsed.Pattern!);
            })];
    });

    /// <summary>Every example file as it is: only A2I status changes of our flow whose output lies outside our bucket start anything.</summary>
    public static TheoryData<string, string[]> AsIs => new()
    {
        { "a2i-humanloop-status-change.doc-verbatim.json", [WorkflowTriggers.HumanLoopStatusStartsFiling] },
        { "a2i-humanloop-status-change.failed.SYNTHESIZED.json", [WorkflowTriggers.HumanLoopStatusStartsFiling] },
        { "a2i-humanloop-status-change.json", [WorkflowTriggers.HumanLoopStatusStartsFiling] },
        { "a2i-humanloop-status-change.stopped.SYNTHESIZED.json", [WorkflowTriggers.HumanLoopStatusStartsFiling] },
        { "a2i-output-crowd-image-classifier-multi-select.SYNTHESIZED.json", [] },
        { "a2i-output-crowd-image-classifier.SYNTHESIZED.json", [] },
        { "a2i-output-custom-task.doc-verbatim.json", [] },
        { "a2i-output-no-answers.SYNTHESIZED.json", [] },
        { "s3-eventbridge-object-created.json", [] },
        { "s3-eventbridge-object-created.multipart.SYNTHESIZED.json", [] },
        { "s3-eventbridge-object-deleted-lifecycle.json", [] },
        { "s3-eventbridge-object-deleted.json", [] },
        { "s3-eventbridge-object-restore-complete.json", [] },
        { "s3-notification-objectcreated-put.json", [] },
        { "s3-notification-objectcreated-put.urlencoded-key.SYNTHESIZED.json", [] },
        { "s3-notification-testevent.json", [] },
        { "ssm-parameter-store-change-create.json", [] },
        { "ssm-parameter-store-change-delete.json", [] },
        { "ssm-parameter-store-change-update.json", [] },
    };

    /// <summary>Examples with one field changed, and the rules that must fire.</summary>
    public static TheoryData<string, string, string, string[]> Changed => new()
    {
        { "s3-eventbridge-object-created.json", "detail.object.key", Upload, [WorkflowTriggers.UploadsStartDetection] },
        { "s3-eventbridge-object-created.multipart.SYNTHESIZED.json", "detail.object.key", Upload, [WorkflowTriggers.UploadsStartDetection] },
        { "s3-eventbridge-object-created.json", "detail.object.key", Output, [WorkflowTriggers.ReviewOutputStartsFiling] },
        { "s3-eventbridge-object-created.json", "detail.object.key", "images_labeled_by_folder/cat/cat.png", [] },
        { "s3-eventbridge-object-created.json", "detail.object.key", "quarantine/images_for_detection/x.png", [] },
        { "s3-eventbridge-object-created.json", "detail.object.key", "pending/images_for_detection/x.png.json", [] },
        { "s3-eventbridge-object-created.json", "detail.object.key", "manifests/abc/train.manifest", [] },
        { "s3-eventbridge-object-created.json", "detail.bucket.name", "other-bucket", [] },
        { "s3-eventbridge-object-deleted.json", "detail.object.key", Upload, [] },
        { "s3-eventbridge-object-deleted-lifecycle.json", "detail.object.key", Output, [] },
        { "s3-eventbridge-object-restore-complete.json", "detail.object.key", Upload, [] },
        { "a2i-humanloop-status-change.json", "detail.humanLoopOutput.outputS3Uri", $"s3://{Bucket}/{Output}", [] },
        { "a2i-humanloop-status-change.json", "detail.humanLoopOutput.outputS3Uri", $"s3://other-bucket/{Output}", [WorkflowTriggers.HumanLoopStatusStartsFiling] },
        { "a2i-humanloop-status-change.json", "detail.humanLoopOutput", "null", [WorkflowTriggers.HumanLoopStatusStartsFiling] },
        { "a2i-humanloop-status-change.json", "detail.humanLoopStatus", "InProgress", [] },
        { "a2i-humanloop-status-change.failed.SYNTHESIZED.json", "detail.flowDefinitionArn", "arn:aws:sagemaker:us-east-1:111111111111:flow-definition/someone-elses", [] },
        { "a2i-humanloop-status-change.stopped.SYNTHESIZED.json", "detail.flowDefinitionArn", "arn:aws:sagemaker:us-east-1:111111111111:flow-definition/someone-elses", [] },
        { "ssm-parameter-store-change-create.json", "detail.name", "/ContinuousImprovement/Minimum-F1-Score", [WorkflowTriggers.ParameterChangeStartsApply] },
        { "ssm-parameter-store-change-update.json", "detail.name", "/ContinuousImprovement/Enable-Automatic-Training", [WorkflowTriggers.ParameterChangeStartsApply] },
        { "ssm-parameter-store-change-delete.json", "detail.name", "/ContinuousImprovement/Minimum-F1-Score", [WorkflowTriggers.ParameterChangeStartsApply] },
        { "ssm-parameter-store-change-update.json", "detail.name", "ContinuousImprovement/Minimum-F1-Score", [WorkflowTriggers.ParameterChangeStartsApply] },
        { "ssm-parameter-store-change-update.json", "detail.name", "/OtherProduct/Minimum-F1-Score", [] },
        { "ssm-parameter-store-change-update.json", "detail.operation", "LabelParameterVersion", [] },
    };

    [Fact]
    public void Every_shared_example_is_in_the_routing_table() =>
        Assert.Equal(EventExamples.FileNames, AsIs.Select(row => (string)row[0]).Order(StringComparer.Ordinal));

    [Fact]
    public void The_stack_deploys_exactly_the_event_rules_core_defines_with_their_names_and_targets()
    {
        var synthesized = SynthesizedTemplate.Full;
        var deployed = synthesized.Resources("AWS::Events::Rule").Where(r => r.Resource.GetProperty("Properties").TryGetProperty("EventPattern", out _)).ToList();

        Assert.Equal(synthesized.Stack.Triggers.Events.Select(t => t.RuleName), deployed.Select(r => r.LogicalId));
        Assert.All(synthesized.Stack.Triggers.Events, trigger =>
        {
            var properties = synthesized.Properties(trigger.RuleName);
            Assert.Equal("ContinuousImprovement-" + trigger.RuleName, properties.GetProperty("Name").GetString());
            Assert.Equal("ENABLED", properties.GetProperty("State").GetString());
            var target = Assert.Single(properties.GetProperty("Targets").EnumerateArray());
            Assert.Equal(synthesized.Stack.GetLogicalId((Amazon.CDK.CfnElement)synthesized.Stack.StateMachines[trigger.Workflow].Node.DefaultChild!), target.GetProperty("Arn").GetProperty("Ref").GetString());
        });
    }

    [Theory]
    [MemberData(nameof(AsIs))]
    public void Each_shared_example_as_it_is_starts_exactly_the_expected_deployed_rules(string file, string[] rules) =>
        Assert.Equal(rules, Route(EventExamples.Read(file)));

    [Theory]
    [MemberData(nameof(Changed))]
    public void A_changed_example_starts_exactly_the_expected_deployed_rules(string file, string path, string value, string[] rules) =>
        Assert.Equal(rules, Route(EventExamples.With(file, path, value)));

    [Fact]
    public void A_change_of_the_system_parameter_the_workflows_write_starts_no_parameter_apply()
    {
        var name = "/ContinuousImprovement/System-State";
        var json = JsonNode.Parse(EventExamples.With("ssm-parameter-store-change-update.json", "detail.name", name))!;
        json["resources"] = new JsonArray("arn:aws:ssm:us-east-2:123456789012:parameter" + name);

        Assert.Empty(Route(json.ToJsonString()));
    }

    [Fact]
    public void The_training_schedule_runs_at_the_catalog_default_and_sends_the_bucket_and_project()
    {
        var synthesized = SynthesizedTemplate.Full;
        var defaults = OperatorSettings.Defaults(ParameterCatalog.Default).Training;
        var (properties, input) = Schedule(synthesized, "TrainingSchedule");

        Assert.Equal("ContinuousImprovement-" + WorkflowTriggers.TrainingSchedule, properties.GetProperty("Name").GetString());
        Assert.Equal(defaults.Enabled ? "ENABLED" : "DISABLED", properties.GetProperty("State").GetString());
        Assert.Equal(defaults.PollEvery, Every(properties.GetProperty("ScheduleExpression").GetString()!));
        Assert.Equal("""{"bucket":"the-bucket","projectArn":"arn:project"}""", input);
        Assert.Equal("the-bucket", JsonDocument.Parse(input).RootElement.GetProperty(JsonNamingPolicy.CamelCase.ConvertName(nameof(TrainingInput.Bucket))).GetString());
    }

    [Fact]
    public void The_audit_schedule_runs_at_the_catalog_default_and_sends_the_bucket()
    {
        var synthesized = SynthesizedTemplate.Full;
        var defaults = OperatorSettings.Defaults(ParameterCatalog.Default).Audit;
        var (properties, input) = Schedule(synthesized, "AuditSchedule");

        Assert.Equal("ContinuousImprovement-" + WorkflowTriggers.AuditSchedule, properties.GetProperty("Name").GetString());
        Assert.Equal(defaults.Enabled ? "ENABLED" : "DISABLED", properties.GetProperty("State").GetString());
        Assert.Equal(defaults.RunEvery, Every(properties.GetProperty("ScheduleExpression").GetString()!));
        Assert.Equal("""{"bucket":"the-bucket"}""", input);
        Assert.Equal("the-bucket", JsonDocument.Parse(input).RootElement.GetProperty(JsonNamingPolicy.CamelCase.ConvertName(nameof(AuditInput.Bucket))).GetString());
    }

    [Fact]
    public void Each_schedule_starts_the_workflow_core_names_for_it()
    {
        var synthesized = SynthesizedTemplate.Full;
        Assert.All(synthesized.Stack.Triggers.Schedules, schedule =>
        {
            var id = char.ToUpperInvariant(schedule.ScheduleName[0]) + schedule.ScheduleName[1..] + "Schedule";
            var target = Assert.Single(synthesized.Properties(id).GetProperty("Targets").EnumerateArray());
            Assert.Equal(synthesized.Stack.GetLogicalId((Amazon.CDK.CfnElement)synthesized.Stack.StateMachines[schedule.Workflow].Node.DefaultChild!), target.GetProperty("Arn").GetProperty("Ref").GetString());
        });
    }

    private static string[] Route(string eventJson)
    {
        using var document = JsonDocument.Parse(eventJson);
        return [.. Deployed.Value.Where(r => r.Pattern.Matches(document.RootElement)).Select(r => r.Rule)];
    }

    private static (JsonElement Properties, string Input) Schedule(Synthesized synthesized, string logicalId)
    {
        var properties = synthesized.Properties(logicalId);
        var target = Assert.Single(properties.GetProperty("Targets").EnumerateArray());
        var values = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            [synthesized.Single("AWS::S3::Bucket").LogicalId] = "the-bucket",
            ["Project.Arn"] = "arn:project",
        };
        var input = TemplateValues.Resolve(JsonNode.Parse(target.GetProperty("Input").GetRawText()), values)!.GetValue<string>();
        return (properties, input);
    }

    // The schedule expression as EventBridge reads it: rate(N minute[s]|hour[s]|day[s]).
    private static TimeSpan Every(string expression)
    {
        var parts = expression["rate(".Length..^1].Split(' ');
        var n = int.Parse(parts[0], System.Globalization.CultureInfo.InvariantCulture);
        return parts[1].TrimEnd('s') switch
        {
            "minute" => TimeSpan.FromMinutes(n),
            "hour" => TimeSpan.FromHours(n),
            "day" => TimeSpan.FromDays(n),
            var unit => throw new FormatException($"unit {unit} in {expression}"),
        };
    }
}
