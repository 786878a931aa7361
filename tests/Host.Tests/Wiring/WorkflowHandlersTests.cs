using ContinuousImprovement.Core.Ports;
using ContinuousImprovement.Handlers.Invocation;
using ContinuousImprovement.Host.Runtime;
using ContinuousImprovement.Host.Wiring;

namespace ContinuousImprovement.Host.Tests.Wiring;

public sealed class WorkflowHandlersTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(15);

    private static readonly Dictionary<string, string> AwsEnvironment = new(StringComparer.Ordinal)
    {
        ["AWS_REGION"] = "eu-west-1",
        ["TABLE_NAME"] = "ci-inferences",
        ["TOPIC_ARN"] = "arn:aws:sns:eu-west-1:111122223333:ci-events",
        ["FLOW_DEFINITION_ARN"] = "arn:aws:sagemaker:eu-west-1:111122223333:flow-definition/ci-review",
        ["PARAMETER_PREFIX"] = "/Staging/",
    };

    [Fact]
    public void Every_handler_of_the_Handlers_catalog_is_registered_under_its_name_beside_the_diagnostics()
    {
        var names = HandlerRegistrations.CreateCatalog(_ => null).Names;

        Assert.Contains("detection-detect-labels", names);
        Assert.Contains("notify", names);
        Assert.All(WorkflowHandlers.Names, name => Assert.Contains(name, names));
        Assert.Equal(WorkflowHandlers.Names.Count + 4, names.Count);
    }

    [Fact]
    public void A_workflow_handler_is_built_on_the_AWS_adapters_from_the_environment()
    {
        var catalog = HandlerRegistrations.CreateCatalog(name => AwsEnvironment.GetValueOrDefault(name));

        Assert.True(catalog.TryCreate("detection-detect-labels", out var handler));
        Assert.NotNull(handler);
    }

    [Fact]
    public void The_ports_use_the_AWS_adapters_and_the_configured_parameter_prefix()
    {
        var ports = AwsPorts.Create(AwsSettings.From(name => AwsEnvironment.GetValueOrDefault(name)));

        Assert.IsType<ContinuousImprovement.Aws.Adapters.S3ObjectStore>(ports.Objects);
        Assert.IsType<ContinuousImprovement.Aws.Adapters.SsmParameterStore>(ports.Parameters);
        Assert.IsType<ContinuousImprovement.Aws.Adapters.RekognitionModelRuntime>(ports.Models);
        Assert.IsType<ContinuousImprovement.Aws.Adapters.DynamoDbInferenceLog>(ports.Inferences);
        Assert.IsType<ContinuousImprovement.Aws.Adapters.A2iHumanReview>(ports.Reviews);
        Assert.IsType<ContinuousImprovement.Aws.Adapters.SnsNotifier>(ports.Notifier);
        Assert.IsType<ContinuousImprovement.Aws.Adapters.DynamoDbNotificationDigest>(ports.Digest);
        Assert.IsType<ContinuousImprovement.Aws.Adapters.EventBridgeSchedules>(ports.Schedules);
        Assert.IsType<ContinuousImprovement.Aws.Adapters.RekognitionModelTraining>(ports.Training);
        Assert.Equal("/Staging/", ports.Catalog.Prefix);
    }

    [Fact]
    public void The_schedule_rule_prefix_comes_from_the_environment_and_is_optional()
    {
        Assert.Null(AwsSettings.From(name => AwsEnvironment.GetValueOrDefault(name)).ScheduleRulePrefix);
        Assert.Equal("ci-", AwsSettings.From(name => name == "SCHEDULE_RULE_PREFIX" ? " ci- " : AwsEnvironment.GetValueOrDefault(name)).ScheduleRulePrefix);
    }

    [Fact]
    public void The_review_backends_the_stack_deployed_limit_review_backend_so_a_missing_one_is_refused_with_the_reason()
    {
        var everything = AwsPorts.Create(AwsSettings.From(name => AwsEnvironment.GetValueOrDefault(name))).Catalog;
        var a2iOnly = AwsPorts.Create(AwsSettings.From(name => name == "REVIEW_BACKENDS" ? " a2i " : AwsEnvironment.GetValueOrDefault(name))).Catalog;

        Assert.True(everything.Check("Review-Backend", "portal").IsValid);
        Assert.Equal("Review-Backend = 'portal' is not valid: it is not one of the allowed values; allowed: one of a2i (all this deployment has).", a2iOnly.Check("Review-Backend", "portal").Error);
        Assert.Equal("/Staging/", a2iOnly.Prefix);
    }

    [Theory]
    [InlineData(",")]
    [InlineData("A2I")]
    [InlineData("a2i, mturk")]
    public void A_review_backends_variable_naming_no_known_backend_stops_the_function_naming_the_variable(string value)
    {
        var failure = Assert.Throws<InvalidOperationException>(() => AwsSettings.From(name => name == "REVIEW_BACKENDS" ? value : AwsEnvironment.GetValueOrDefault(name)));

        Assert.StartsWith("The function's environment sets REVIEW_BACKENDS to", failure.Message, StringComparison.Ordinal);
        Assert.EndsWith("it must list some of portal, a2i, comma-separated.", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Missing_variables_are_named_together()
    {
        var failure = Assert.Throws<InvalidOperationException>(() => AwsSettings.From(name => name == "AWS_REGION" ? "eu-west-1" : null));

        Assert.Equal("The function's environment lacks TABLE_NAME, TOPIC_ARN, FLOW_DEFINITION_ARN; the workflow handlers need them to reach AWS.", failure.Message);
    }

    [Fact]
    public async Task A_workflow_handler_without_its_environment_fails_at_init_naming_what_is_missing()
    {
        var catalog = HandlerRegistrations.CreateCatalog(_ => null);
        await using var host = await InProcessHost.StartAsync("detection-detect-labels", catalog);

        var error = await host.Api.InitErrors.ReadAsync().AsTask().WaitAsync(Patience);

        Assert.Equal(1, await host.Running.WaitAsync(Patience));
        Assert.Equal("InvalidOperationException", error.ErrorTypeHeader);
        Assert.Contains("AWS_REGION, TABLE_NAME, TOPIC_ARN, FLOW_DEFINITION_ARN", error.Json.GetProperty("errorMessage").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_port_failure_is_the_invocation_error_with_its_name_as_error_type_and_cause_as_message()
    {
        var entry = new HandlerEntry("detection-detect-labels", (_, _) => throw new PortException(PortFailure.Throttled, "detect labels in s3://b/k.jpg: ThrottlingException: slow down"));
        var catalog = new RuntimeHandlers().Add(entry.Name, WorkflowHandlers.Serve(entry));
        await using var host = await InProcessHost.StartAsync(entry.Name, catalog);

        var result = await host.Api.InvokeAsync("{}"u8.ToArray()).WaitAsync(Patience);

        Assert.True(result.IsError);
        Assert.Equal("Port.Throttled", result.ErrorTypeHeader);
        Assert.Equal("Port.Throttled", result.Json.GetProperty("errorType").GetString());
        Assert.Equal("detection-detect-labels: detect labels in s3://b/k.jpg: ThrottlingException: slow down", result.Json.GetProperty("errorMessage").GetString());
        Assert.Equal(0, result.Json.GetProperty("stackTrace").GetArrayLength());
    }

    [Fact]
    public async Task Input_a_handler_cannot_read_is_reported_as_its_handler_error()
    {
        var catalog = HandlerRegistrations.CreateCatalog(_ => null);
        var served = new RuntimeHandlers().Add("notify", WorkflowHandlers.Serve(new HandlerCatalog(AwsPorts.Create(AwsSettings.From(name => AwsEnvironment.GetValueOrDefault(name))))["notify"]));
        await using var host = await InProcessHost.StartAsync("notify", served);

        var result = await host.Api.InvokeAsync("[1,2]"u8.ToArray()).WaitAsync(Patience);

        Assert.True(catalog.Contains("notify"));
        Assert.Equal("Handler.InvalidInput", result.Json.GetProperty("errorType").GetString());
        Assert.StartsWith("notify: notify cannot read its input", result.Json.GetProperty("errorMessage").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_successful_handler_answers_with_its_output()
    {
        var entry = new HandlerEntry("ok", (input, _) => ValueTask.FromResult<ReadOnlyMemory<byte>>("{\"ok\":true}"u8.ToArray()));
        await using var host = await InProcessHost.StartAsync("ok", new RuntimeHandlers().Add("ok", WorkflowHandlers.Serve(entry)));

        var result = await host.Api.InvokeAsync("{}"u8.ToArray()).WaitAsync(Patience);

        Assert.False(result.IsError);
        Assert.Equal("{\"ok\":true}", result.Text);
    }
}
