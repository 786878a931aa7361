using ContinuousImprovement.Handlers.Training;
using System.Reflection;
using Amazon.CDK.Assertions;
using ContinuousImprovement.Core.Parameters;
using ContinuousImprovement.Core.State;
using ContinuousImprovement.Handlers;

namespace ContinuousImprovement.Infra.Tests;

public sealed class StackResourcesTests
{
    private static Template T => SynthesizedTemplate.Template;

    [Fact]
    public void The_bucket_is_encrypted_versioned_private_and_sends_events_to_eventbridge()
    {
        T.HasResourceProperties("AWS::S3::Bucket", Match.ObjectLike(new Dictionary<string, object>
        {
            ["BucketEncryption"] = Match.ObjectLike(new Dictionary<string, object> { ["ServerSideEncryptionConfiguration"] = Match.AnyValue() }),
            ["VersioningConfiguration"] = new Dictionary<string, object> { ["Status"] = "Enabled" },
            ["PublicAccessBlockConfiguration"] = new Dictionary<string, object>
            {
                ["BlockPublicAcls"] = true, ["BlockPublicPolicy"] = true, ["IgnorePublicAcls"] = true, ["RestrictPublicBuckets"] = true,
            },
        }));
        T.HasResourceProperties("Custom::S3BucketNotifications", Match.ObjectLike(new Dictionary<string, object>
        {
            ["NotificationConfiguration"] = Match.ObjectLike(new Dictionary<string, object> { ["EventBridgeConfiguration"] = new Dictionary<string, object>() }),
        }));
        T.HasResource("AWS::S3::Bucket", Match.ObjectLike(new Dictionary<string, object> { ["DeletionPolicy"] = "Retain" }));
    }

    [Fact]
    public void The_bucket_lets_only_the_a2i_worker_page_of_its_region_fetch_images_across_origins()
    {
        var cors = SynthesizedTemplate.Full.Single("AWS::S3::Bucket").Properties.GetProperty("CorsConfiguration").GetProperty("CorsRules");
        var rule = Assert.Single(cors.EnumerateArray());

        Assert.Equal(["GET"], Synthesized.Strings(rule.GetProperty("AllowedMethods")));
        var origin = rule.GetProperty("AllowedOrigins")[0].GetProperty("Fn::Join")[1];
        Assert.Equal("https://*.labeling.", origin[0].GetString());
        Assert.Equal("AWS::Region", origin[1].GetProperty("Ref").GetString());
        Assert.Equal(".sagemaker.aws", origin[2].GetString());
    }

    [Fact]
    public void Review_output_expires_by_lifecycle() =>
        T.HasResourceProperties("AWS::S3::Bucket", Match.ObjectLike(new Dictionary<string, object>
        {
            ["LifecycleConfiguration"] = new Dictionary<string, object>
            {
                ["Rules"] = new object[] { Match.ObjectLike(new Dictionary<string, object> { ["Prefix"] = "review_output/", ["ExpirationInDays"] = 90, ["Status"] = "Enabled" }) },
            },
        }));

    [Fact]
    public void The_table_is_keyed_with_the_string_attributes_the_AWS_adapters_write() =>
        T.HasResourceProperties("AWS::DynamoDB::Table", Match.ObjectLike(new Dictionary<string, object>
        {
            // Literal as well as the shared constants: the adapters' condition expressions spell them out.
            ["KeySchema"] = new object[]
            {
                new Dictionary<string, object> { ["AttributeName"] = "PK", ["KeyType"] = "HASH" },
                new Dictionary<string, object> { ["AttributeName"] = "SK", ["KeyType"] = "RANGE" },
            },
            ["AttributeDefinitions"] = new object[]
            {
                new Dictionary<string, object> { ["AttributeName"] = Core.Storage.TableLayout.PartitionKey, ["AttributeType"] = "S" },
                new Dictionary<string, object> { ["AttributeName"] = Core.Storage.TableLayout.SortKey, ["AttributeType"] = "S" },
                new Dictionary<string, object> { ["AttributeName"] = "LabeledModel", ["AttributeType"] = "S" },
            },
        }));

    [Fact]
    public void The_table_has_the_sparse_index_the_drift_check_queries_carrying_what_a_confusion_count_reads() =>
        T.HasResourceProperties("AWS::DynamoDB::Table", Match.ObjectLike(new Dictionary<string, object>
        {
            ["GlobalSecondaryIndexes"] = new object[]
            {
                new Dictionary<string, object>
                {
                    ["IndexName"] = "LabeledByModel",
                    ["KeySchema"] = new object[] { new Dictionary<string, object> { ["AttributeName"] = "LabeledModel", ["KeyType"] = "HASH" } },
                    ["Projection"] = new Dictionary<string, object> { ["ProjectionType"] = "INCLUDE", ["NonKeyAttributes"] = new object[] { "HumanLabel", "TopLabel", "Reasons" } },
                },
            },
        }));

    [Fact]
    public void The_inference_log_is_on_demand_with_point_in_time_recovery_and_a_stream() =>
        T.HasResourceProperties("AWS::DynamoDB::Table", Match.ObjectLike(new Dictionary<string, object>
        {
            ["BillingMode"] = "PAY_PER_REQUEST",
            ["PointInTimeRecoverySpecification"] = new Dictionary<string, object> { ["PointInTimeRecoveryEnabled"] = true },
            ["StreamSpecification"] = new Dictionary<string, object> { ["StreamViewType"] = "NEW_AND_OLD_IMAGES" },
        }));

    [Fact]
    public void The_topic_is_encrypted_and_mails_the_operator_given_at_deploy()
    {
        T.HasResourceProperties("AWS::SNS::Topic", Match.ObjectLike(new Dictionary<string, object> { ["KmsMasterKeyId"] = Match.AnyValue() }));
        T.HasResourceProperties("AWS::SNS::Subscription", Match.ObjectLike(new Dictionary<string, object> { ["Protocol"] = "email", ["Endpoint"] = SynthesizedTemplate.Email }));
    }

    [Fact]
    public void Without_an_email_the_topic_has_no_subscription() =>
        SynthesizedTemplate.With(new() { ["createWorkteam"] = "true" }).Template.ResourceCountIs("AWS::SNS::Subscription", 0);

    [Fact]
    public void The_rekognition_project_is_created() =>
        T.HasResourceProperties("AWS::Rekognition::Project", new Dictionary<string, object> { ["ProjectName"] = "ContinuousImprovement" });

    [Fact]
    public void Every_catalog_parameter_is_created_with_its_default_and_the_system_parameter_beside_them()
    {
        var catalog = ParameterCatalog.Default;
        foreach (var parameter in catalog.Parameters)
        {
            // The one deliberate exception: the stack deploys only A2I (the portal is not deployable yet), so reviews start there.
            var value = parameter.Name == "Review-Backend" ? "a2i" : parameter.Default;
            Assert.True(catalog.Check(parameter.Name, value).IsValid);
            T.HasResourceProperties("AWS::SSM::Parameter", Match.ObjectLike(new Dictionary<string, object>
            {
                ["Name"] = catalog.FullName(parameter.Name),
                ["Value"] = value,
                ["Type"] = "String",
            }));
        }

        T.HasResourceProperties("AWS::SSM::Parameter", Match.ObjectLike(new Dictionary<string, object>
        {
            ["Name"] = catalog.FullName(catalog.SystemParameter.Name),
            ["Value"] = SystemStateDocument.Serialize(SystemState.Initial),
            ["Tier"] = "Advanced",
        }));
        T.ResourceCountIs("AWS::SSM::Parameter", catalog.Parameters.Count + 1);
    }

    [Fact]
    public void Every_handler_is_a_function_on_the_aot_bootstrap_with_json_logs_to_its_own_log_group()
    {
        var s = SynthesizedTemplate.Full;
        var groups = s.Resources("AWS::Logs::LogGroup").Select(g => g.LogicalId).ToHashSet(StringComparer.Ordinal);
        var used = new List<string>();
        foreach (var handler in DeployedWorkflow.Handlers)
        {
            var properties = s.Properties(s.FunctionOf(handler));
            Assert.Equal("provided.al2023", properties.GetProperty("Runtime").GetString());
            Assert.Equal(["x86_64"], Synthesized.Strings(properties.GetProperty("Architectures")));
            Assert.Equal("JSON", properties.GetProperty("LoggingConfig").GetProperty("LogFormat").GetString());
            Assert.Equal(512, properties.GetProperty("MemorySize").GetInt32());
            var timeout = handler switch { TrainingWorkflow.ScoreServing => 900, Handlers.OperationsDigest.OperationsDigestWorkflow.MarkSent => 300, _ => 60 };
            Assert.Equal(timeout, properties.GetProperty("Timeout").GetInt32());
            used.Add(properties.GetProperty("LoggingConfig").GetProperty("LogGroup").GetProperty("Ref").GetString()!);
        }

        Assert.All(used, group => Assert.Contains(group, groups));
        Assert.Equal(used.Count, used.Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public void Every_handler_function_gets_every_variable_the_host_reads()
    {
        // Read off HostEnvironment itself, so a variable added there and not set here fails this test.
        var required = typeof(HostEnvironment).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.IsLiteral).Select(f => (string)f.GetRawConstantValue()!).ToList();
        var functions = SynthesizedTemplate.Full.HandlerFunctions().ToList();

        Assert.Contains(HostEnvironment.FlowDefinitionArn, required);
        Assert.Equal(DeployedWorkflow.Handlers.Count, functions.Count);
        Assert.All(functions, f =>
        {
            var variables = f.Properties.GetProperty("Environment").GetProperty("Variables");
            Assert.Equal(required.Order(StringComparer.Ordinal), variables.EnumerateObject().Select(v => v.Name).Order(StringComparer.Ordinal));
            Assert.Equal("/ContinuousImprovement/", variables.GetProperty(HostEnvironment.ParameterPrefix).GetString());
            Assert.Equal("a2i", variables.GetProperty(HostEnvironment.ReviewBackends).GetString());
            Assert.Equal(SynthesizedTemplate.Full.Single("Custom::A2iFlowDefinition").LogicalId, variables.GetProperty(HostEnvironment.FlowDefinitionArn).GetProperty("Fn::GetAtt")[0].GetString());
        });
    }

    [Fact]
    public void The_outputs_tell_the_operator_where_everything_is()
    {
        var outputs = SynthesizedTemplate.Json.GetProperty("Outputs").EnumerateObject().Select(o => o.Name).Order(StringComparer.Ordinal);

        Assert.Equal(
            ["BucketName", "FlowDefinitionArn", "ParameterPrefix", "ProjectArn", "ReviewerPortalUrl", "ReviewerUserPoolId", "ScheduleRules", "TopicArn", "TrainingStateMachineArn", "WorkteamArn"],
            outputs);
        Assert.Equal("ContinuousImprovement-training, ContinuousImprovement-audit, ContinuousImprovement-digest", SynthesizedTemplate.Json.GetProperty("Outputs").GetProperty("ScheduleRules").GetProperty("Value").GetString());
    }

    [Fact]
    public void The_stack_holds_what_the_issue_lists_and_nothing_unexpected()
    {
        var counts = SynthesizedTemplate.Json.GetProperty("Resources").EnumerateObject()
            .GroupBy(r => r.Value.GetProperty("Type").GetString()!)
            .ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        var handlers = DeployedWorkflow.Handlers.Count;

        Assert.Equal(1, counts["AWS::S3::Bucket"]);
        Assert.Equal(1, counts["AWS::DynamoDB::Table"]);
        Assert.Equal(1, counts["AWS::SNS::Topic"]);
        Assert.Equal(1, counts["AWS::Rekognition::Project"]);
        Assert.Equal(6, counts["AWS::StepFunctions::StateMachine"]);
        Assert.Equal(7, counts["AWS::Events::Rule"]);

        // Every handler's, CDK's bucket-notification function and the one function behind the A2I custom resources;
        // a log group for each, and one per state machine.
        Assert.Equal(handlers + 2, counts["AWS::Lambda::Function"]);
        Assert.Equal(handlers + 6 + 2, counts["AWS::Logs::LogGroup"]);
        Assert.Equal(1, counts["Custom::A2iHumanTaskUi"]);
        Assert.Equal(1, counts["Custom::A2iFlowDefinition"]);
        Assert.Equal(1, counts["AWS::SageMaker::Workteam"]);
        Assert.Equal(1, counts["AWS::Cognito::UserPool"]);
    }
}
