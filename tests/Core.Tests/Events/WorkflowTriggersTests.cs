using System.Text.Json.Nodes;

using ContinuousImprovement.Core.Events;
using ContinuousImprovement.Core.Parameters;
using ContinuousImprovement.Core.Storage;

using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace ContinuousImprovement.Core.Tests.Events;

public sealed class WorkflowTriggersTests
{
    // The examples' own bucket, so an example routes by its key, not by a bucket swapped in.
    private const string Bucket = "DOC-EXAMPLE-BUCKET1";
    private const string Prefix = "/ContinuousImprovement/";

    private static readonly WorkflowTriggers Triggers = WorkflowTriggers.For(Bucket, Prefix);

    /// <summary>Every example file as it is: only A2I status changes whose output lies outside our bucket start anything.</summary>
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

    private const string Upload = "images_for_detection/cat 1.png";
    private const string Output = "review_output/flowdef/2026/01/01/00/05/31/hl-1/output.json";

    /// <summary>Examples with one field changed, and the rules that must fire.</summary>
    public static TheoryData<string, string, string, string[]> Changed => new()
    {
        { "s3-eventbridge-object-created.json", "detail.object.key", Upload, [WorkflowTriggers.UploadsStartDetection] },
        { "s3-eventbridge-object-created.json", "detail.object.key", "images_for_detection/red+flower+%2B+1.jpg", [WorkflowTriggers.UploadsStartDetection] },
        { "s3-eventbridge-object-created.multipart.SYNTHESIZED.json", "detail.object.key", Upload, [WorkflowTriggers.UploadsStartDetection] },
        { "s3-eventbridge-object-created.json", "detail.object.key", Output, [WorkflowTriggers.ReviewOutputStartsFiling] },
        { "s3-eventbridge-object-created.json", "detail.object.key", "images_labeled_by_folder/cat/cat.png", [] },
        { "s3-eventbridge-object-created.json", "detail.object.key", "quarantine/images_for_detection/x.png", [] },
        { "s3-eventbridge-object-created.json", "detail.object.key", "Images_For_Detection/x.png", [] },
        { "s3-eventbridge-object-created.json", "detail.object.key", "images_for_detection", [] },
        { "s3-eventbridge-object-created.json", "detail.bucket.name", "other-bucket", [] },
        { "s3-eventbridge-object-created.json", "source", "aws.s3.fake", [] },
        { "s3-eventbridge-object-deleted.json", "detail.object.key", Upload, [] },
        { "s3-eventbridge-object-deleted-lifecycle.json", "detail.object.key", Output, [] },
        { "s3-eventbridge-object-restore-complete.json", "detail.object.key", Upload, [] },
        { "a2i-humanloop-status-change.json", "detail.humanLoopOutput.outputS3Uri", $"s3://{Bucket}/{Output}", [] },
        { "a2i-humanloop-status-change.json", "detail.humanLoopOutput.outputS3Uri", $"s3://other-bucket/{Output}", [WorkflowTriggers.HumanLoopStatusStartsFiling] },
        { "a2i-humanloop-status-change.json", "detail.humanLoopOutput.outputS3Uri", $"s3://{Bucket}/elsewhere/output.json", [WorkflowTriggers.HumanLoopStatusStartsFiling] },
        { "a2i-humanloop-status-change.json", "detail.humanLoopOutput", "null", [WorkflowTriggers.HumanLoopStatusStartsFiling] },
        { "a2i-humanloop-status-change.json", "detail.humanLoopStatus", "InProgress", [] },
        { "a2i-humanloop-status-change.json", "detail.humanLoopStatus", "Stopping", [] },
        { "a2i-humanloop-status-change.failed.SYNTHESIZED.json", "detail.humanLoopOutput", $$"""{"outputS3Uri":"s3://{{Bucket}}/{{Output}}"}""", [WorkflowTriggers.HumanLoopStatusStartsFiling] },
        { "a2i-humanloop-status-change.stopped.SYNTHESIZED.json", "detail.humanLoopOutput.outputS3Uri", $"s3://{Bucket}/{Output}", [WorkflowTriggers.HumanLoopStatusStartsFiling] },
        { "a2i-humanloop-status-change.json", "source", "aws.s3", [] },
        { "ssm-parameter-store-change-create.json", "detail.name", "/ContinuousImprovement/Minimum-F1-Score", [WorkflowTriggers.ParameterChangeStartsApply] },
        { "ssm-parameter-store-change-update.json", "detail.name", "/ContinuousImprovement/Minimum-F1-Score", [WorkflowTriggers.ParameterChangeStartsApply] },
        { "ssm-parameter-store-change-delete.json", "detail.name", "/ContinuousImprovement/Minimum-F1-Score", [WorkflowTriggers.ParameterChangeStartsApply] },
        { "ssm-parameter-store-change-update.json", "detail.name", "ContinuousImprovement/Minimum-F1-Score", [WorkflowTriggers.ParameterChangeStartsApply] },
        { "ssm-parameter-store-change-update.json", "detail.name", "/ContinuousImprovement/No-Such-Parameter", [WorkflowTriggers.ParameterChangeStartsApply] },
        { "ssm-parameter-store-change-update.json", "detail.name", "/OtherProduct/Minimum-F1-Score", [] },
        { "ssm-parameter-store-change-update.json", "detail.name", "/ContinuousImprovementX/Minimum-F1-Score", [] },
        { "ssm-parameter-store-change-update.json", "detail.name", "/continuousimprovement/Minimum-F1-Score", [] },
        { "ssm-parameter-store-change-update.json", "detail.name", "/ContinuousImprovement", [] },
        { "ssm-parameter-store-change-update.json", "detail.operation", "LabelParameterVersion", [] },
    };

    [Fact]
    public void Every_shared_example_is_in_the_routing_table() =>
        Assert.Equal(EventExamples.FileNames, AsIs.Select(row => (string)row[0]).Order(StringComparer.Ordinal));

    [Theory]
    [MemberData(nameof(AsIs))]
    public void Each_shared_example_as_it_is_starts_exactly_the_expected_rules(string file, string[] rules) =>
        Assert.Equal(rules, Triggers.Route(EventExamples.Read(file)).Select(t => t.RuleName));

    [Theory]
    [MemberData(nameof(Changed))]
    public void A_changed_example_starts_exactly_the_expected_rules(string file, string path, string value, string[] rules)
    {
        // The table's values that are JSON (null, an object) are set as JSON, the others as strings.
        var node = value is "null" || value.StartsWith('{') ? JsonNode.Parse(value) : JsonValue.Create(value);
        var eventJson = EventExamples.With(file, example => Set(example, path, node));
        Assert.Equal(rules, Triggers.Route(eventJson).Select(t => t.RuleName));
    }

    [Theory]
    [InlineData(WorkflowTriggers.UploadsStartDetection, ProductWorkflow.Detection)]
    [InlineData(WorkflowTriggers.ReviewOutputStartsFiling, ProductWorkflow.ReviewFiling)]
    [InlineData(WorkflowTriggers.HumanLoopStatusStartsFiling, ProductWorkflow.ReviewFiling)]
    [InlineData(WorkflowTriggers.ParameterChangeStartsApply, ProductWorkflow.ParameterApply)]
    public void Each_rule_starts_its_workflow(string rule, ProductWorkflow workflow) =>
        Assert.Equal(workflow, Triggers.Rule(rule).Workflow);

    [Fact]
    public void The_rules_have_stable_distinct_names_in_a_stable_order() =>
        Assert.Equal(
            [WorkflowTriggers.UploadsStartDetection, WorkflowTriggers.ReviewOutputStartsFiling, WorkflowTriggers.HumanLoopStatusStartsFiling, WorkflowTriggers.ParameterChangeStartsApply],
            Triggers.Events.Select(t => t.RuleName));

    [Fact]
    public void The_deployed_patterns_are_exactly_these_texts()
    {
        Assert.Equal(
            """{"source":["aws.s3"],"detail-type":["Object Created"],"detail":{"bucket":{"name":["DOC-EXAMPLE-BUCKET1"]},"object":{"key":[{"prefix":"images_for_detection/"}]}}}""",
            Triggers.Rule(WorkflowTriggers.UploadsStartDetection).PatternJson);
        Assert.Equal(
            """{"source":["aws.s3"],"detail-type":["Object Created"],"detail":{"bucket":{"name":["DOC-EXAMPLE-BUCKET1"]},"object":{"key":[{"prefix":"review_output/"}]}}}""",
            Triggers.Rule(WorkflowTriggers.ReviewOutputStartsFiling).PatternJson);
        Assert.Equal(
            """{"source":["aws.sagemaker"],"detail-type":["SageMaker A2I HumanLoop Status Change"],"detail":{"$or":[{"humanLoopStatus":["Failed","Stopped"]},{"humanLoopStatus":["Completed"],"humanLoopOutput":{"outputS3Uri":[{"anything-but":{"prefix":"s3://DOC-EXAMPLE-BUCKET1/review_output/"}},{"exists":false}]}}]}}""",
            Triggers.Rule(WorkflowTriggers.HumanLoopStatusStartsFiling).PatternJson);
        Assert.Equal(
            """{"source":["aws.ssm"],"detail-type":["Parameter Store Change"],"resources":[{"anything-but":{"suffix":":parameter/ContinuousImprovement/System-State"}}],"detail":{"name":[{"prefix":"/ContinuousImprovement/"},{"prefix":"ContinuousImprovement/"}],"operation":["Create","Update","Delete"]}}""",
            Triggers.Rule(WorkflowTriggers.ParameterChangeStartsApply).PatternJson);
    }

    [Fact]
    public void The_compiled_pattern_is_the_deployed_text()
    {
        foreach (var trigger in Triggers.Events)
        {
            Assert.Same(trigger.Pattern.Json, trigger.PatternJson);
            var reparsed = EventPattern.Parse(trigger.PatternJson);
            Assert.True(reparsed.Succeeded, reparsed.Error);
        }
    }

    [Fact]
    public void A_cdk_token_for_the_bucket_name_passes_into_the_patterns_verbatim()
    {
        const string token = "${Token[TOKEN.123]}";
        var triggers = WorkflowTriggers.For(token, Prefix);
        Assert.Contains($$"""{"name":["{{token}}"]}""", triggers.Rule(WorkflowTriggers.UploadsStartDetection).PatternJson, StringComparison.Ordinal);
        Assert.Contains($"s3://{token}/review_output/", triggers.Rule(WorkflowTriggers.HumanLoopStatusStartsFiling).PatternJson, StringComparison.Ordinal);
    }

    [Fact]
    public void A_bucket_name_needing_json_escapes_is_escaped_and_still_matches()
    {
        const string odd = "quote\"back\\slash";
        var triggers = WorkflowTriggers.For(odd, Prefix);
        var eventJson = EventExamples.With("s3-eventbridge-object-created.json", node =>
        {
            Set(node, "detail.bucket.name", odd);
            Set(node, "detail.object.key", Upload);
        });
        Assert.Equal([ProductWorkflow.Detection], triggers.Route(eventJson).Select(t => t.Workflow));
    }

    [Fact]
    public void With_a_flow_definition_only_its_human_loops_start_filing()
    {
        const string ours = "arn:aws:sagemaker:us-east-1:111111111111:flow-definition/flowdef-nov-12";
        var triggers = WorkflowTriggers.For(Bucket, Prefix, ours);
        Assert.Single(triggers.Route(EventExamples.Read("a2i-humanloop-status-change.failed.SYNTHESIZED.json")));
        var other = EventExamples.With("a2i-humanloop-status-change.failed.SYNTHESIZED.json", node => Set(node, "detail.flowDefinitionArn", ours + "-other"));
        Assert.Empty(triggers.Route(other));
    }

    [Fact]
    public void Another_parameter_prefix_routes_its_own_names_only()
    {
        var triggers = WorkflowTriggers.For(Bucket, "/Staging/CI/");
        var ours = EventExamples.With("ssm-parameter-store-change-update.json", node => Set(node, "detail.name", "/Staging/CI/Minimum-F1-Score"));
        var production = EventExamples.With("ssm-parameter-store-change-update.json", node => Set(node, "detail.name", "/ContinuousImprovement/Minimum-F1-Score"));
        Assert.Equal([ProductWorkflow.ParameterApply], triggers.Route(ours).Select(t => t.Workflow));
        Assert.Empty(triggers.Route(production));
    }

    [Fact]
    public void Training_audit_sampling_and_the_digest_start_on_schedules_retimed_by_their_parameters()
    {
        Assert.Equal(
            [(WorkflowTriggers.TrainingSchedule, ProductWorkflow.Training), (WorkflowTriggers.AuditSchedule, ProductWorkflow.AuditSampling), (WorkflowTriggers.DigestSchedule, ProductWorkflow.OperationsDigest)],
            Triggers.Schedules.Select(s => (s.ScheduleName, s.Workflow)));
        Assert.Equal(["Enable-Automatic-Training", "Automatic-Training-Poll-Frequency"], Triggers.Schedules[0].Parameters);
        Assert.Equal(["Enable-Automatic-Human-Sampling", "Automatic-Human-Sampling-Frequency"], Triggers.Schedules[1].Parameters);
        Assert.Equal(["Notification-Digest-Frequency"], Triggers.Schedules[2].Parameters);
        Assert.All(Triggers.Schedules.SelectMany(s => s.Parameters), name => Assert.True(ParameterCatalog.Default.TryGet(name, out _)));
    }

    [Theory]
    [InlineData("ContinuousImprovement/")]
    [InlineData("/ContinuousImprovement")]
    [InlineData("/")]
    [InlineData("//")]
    [InlineData("")]
    public void A_parameter_prefix_not_shaped_like_a_path_is_refused_by_name(string prefix)
    {
        var error = Assert.Throws<ArgumentException>(() => WorkflowTriggers.For(Bucket, prefix));
        Assert.Equal("parameterPrefix", error.ParamName);
        Assert.Contains($"\"{prefix}\"", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("  ")]
    public void A_blank_bucket_name_is_refused(string bucket) =>
        Assert.Equal("bucketName", Assert.Throws<ArgumentException>(() => WorkflowTriggers.For(bucket, Prefix)).ParamName);

    [Fact]
    public void Asking_for_an_unknown_rule_names_the_rules_there_are()
    {
        var error = Assert.Throws<KeyNotFoundException>(() => Triggers.Rule("Nope"));
        Assert.Contains(WorkflowTriggers.UploadsStartDetection, error.Message, StringComparison.Ordinal);
    }

    [Property(MaxTest = 500)]
    public Property A_new_object_starts_detection_or_filing_exactly_by_its_key_prefix() =>
        Prop.ForAll(Key.ToArbitrary(), key =>
        {
            var eventJson = EventExamples.With("s3-eventbridge-object-created.json", node => Set(node, "detail.object.key", key));
            var expected = key.StartsWith(BucketLayout.ImagesForDetection, StringComparison.Ordinal) ? new[] { ProductWorkflow.Detection }
                : key.StartsWith(BucketLayout.ReviewOutput, StringComparison.Ordinal) ? [ProductWorkflow.ReviewFiling]
                : [];
            return Triggers.Route(eventJson).Select(t => t.Workflow).SequenceEqual(expected);
        });

    private static readonly Gen<string> Key = Gen.Zip(
            Gen.Elements("", BucketLayout.ImagesForDetection, BucketLayout.ReviewOutput, BucketLayout.LabeledImages, "images_for_detection", "review_output", "Review_Output/", "x/images_for_detection/"),
            EventPatternGenerators.Text)
        .Select(t => t.Item1 + t.Item2);

    [Theory]
    [InlineData("System-State", false)]
    [InlineData("System-State-Archive", true)]
    [InlineData("Minimum-F1-Score", true)]
    public void A_change_of_the_system_parameter_starts_no_parameter_apply_but_its_namesakes_do(string name, bool starts)
    {
        var eventJson = EventExamples.With("ssm-parameter-store-change-update.json", node =>
        {
            node["detail"]!["name"] = "/ContinuousImprovement/" + name;
            node["resources"] = new JsonArray($"arn:aws:ssm:us-east-2:123456789012:parameter/ContinuousImprovement/{name}");
        });

        Assert.Equal(starts, Triggers.Route(eventJson).Any(t => t.RuleName == WorkflowTriggers.ParameterChangeStartsApply));
    }

    // Sets a dotted path in an event; a string is set as a string, whatever it looks like (generated keys may start with '{').
    private static void Set(JsonNode node, string path, JsonNode? value)
    {
        var names = path.Split('.');
        var parent = names[..^1].Aggregate(node, (current, name) => current[name]!);
        parent[names[^1]] = value;
    }
}
