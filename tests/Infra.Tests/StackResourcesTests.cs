using System.Text.Json;
using Amazon.CDK.Assertions;
using ContinuousImprovement.Core.Parameters;
using ContinuousImprovement.Handlers.Detection;

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
    }

    [Fact]
    public void The_bucket_policy_refuses_requests_without_tls()
    {
        var policy = SynthesizedTemplate.Resources("AWS::S3::BucketPolicy").Single().Resource.GetProperty("Properties").GetProperty("PolicyDocument").GetRawText();

        Assert.Contains("\"aws:SecureTransport\":\"false\"", policy.Replace(" ", "", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.Contains("\"Effect\":\"Deny\"", policy.Replace(" ", "", StringComparison.Ordinal), StringComparison.Ordinal);
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
        T.HasResourceProperties("AWS::SNS::Subscription", Match.ObjectLike(new Dictionary<string, object> { ["Protocol"] = "email", ["Endpoint"] = "ops@example.com" }));
    }

    [Fact]
    public void Every_catalog_parameter_is_created_with_its_default_and_the_system_parameter_beside_them()
    {
        var catalog = ParameterCatalog.Default;
        foreach (var parameter in catalog.Parameters)
        {
            T.HasResourceProperties("AWS::SSM::Parameter", Match.ObjectLike(new Dictionary<string, object>
            {
                ["Name"] = catalog.FullName(parameter.Name),
                ["Value"] = parameter.Default,
                ["Type"] = "String",
            }));
        }

        T.HasResourceProperties("AWS::SSM::Parameter", Match.ObjectLike(new Dictionary<string, object> { ["Name"] = catalog.FullName("System-State"), ["Tier"] = "Advanced" }));
        T.ResourceCountIs("AWS::SSM::Parameter", catalog.Parameters.Count + 1);
    }

    [Fact]
    public void Every_detection_handler_is_a_function_on_the_aot_bootstrap_with_json_logs()
    {
        foreach (var handler in DetectionWorkflow.Functions.Values)
        {
            T.HasResourceProperties("AWS::Lambda::Function", Match.ObjectLike(new Dictionary<string, object>
            {
                ["Handler"] = handler,
                ["Runtime"] = "provided.al2023",
                ["LoggingConfig"] = Match.ObjectLike(new Dictionary<string, object> { ["LogFormat"] = "JSON" }),
            }));
        }
    }

    [Fact]
    public void Every_handler_function_gets_the_environment_the_host_needs_to_build_its_ports()
    {
        var required = new[]
        {
            Handlers.HostEnvironment.InferenceLogTable, Handlers.HostEnvironment.TopicArn, Handlers.HostEnvironment.FlowDefinitionArn,
            Handlers.HostEnvironment.Bucket, Handlers.HostEnvironment.ParameterPrefix, Handlers.HostEnvironment.ProjectArn,
        };
        var functions = SynthesizedTemplate.Resources("AWS::Lambda::Function")
            .Where(f => f.Resource.GetProperty("Properties").GetProperty("Runtime").GetString() == "provided.al2023")
            .ToList();

        Assert.NotEmpty(functions);
        Assert.All(functions, f =>
        {
            var variables = f.Resource.GetProperty("Properties").GetProperty("Environment").GetProperty("Variables");
            Assert.All(required, name => Assert.True(variables.TryGetProperty(name, out _), $"{f.LogicalId} lacks {name}"));
        });
    }

    [Fact]
    public void Detection_is_an_express_state_machine_from_its_file_with_every_placeholder_filled_by_a_function()
    {
        var (_, machine) = SynthesizedTemplate.Resources("AWS::StepFunctions::StateMachine").Single();
        var properties = machine.GetProperty("Properties");
        var definition = JsonDocument.Parse(properties.GetProperty("DefinitionString").GetString()!).RootElement;
        var file = JsonDocument.Parse(File.ReadAllText(Path.Combine(StackSettings.FindRepositoryRoot(), DetectionWorkflow.DefinitionFile))).RootElement;
        var functions = SynthesizedTemplate.Resources("AWS::Lambda::Function").Select(f => f.LogicalId).ToHashSet();

        Assert.Equal("EXPRESS", properties.GetProperty("StateMachineType").GetString());
        Assert.Equal(file.GetRawText(), definition.GetRawText());
        var substitutions = properties.GetProperty("DefinitionSubstitutions");
        Assert.All(DetectionWorkflow.Functions.Keys, placeholder =>
        {
            var arn = substitutions.GetProperty(placeholder).GetProperty("Fn::GetAtt");
            Assert.Contains(arn[0].GetString()!, functions);
            Assert.Equal("Arn", arn[1].GetString());
        });
        Assert.True(properties.GetProperty("LoggingConfiguration").GetProperty("Level").GetString() == "ALL");
    }
}
