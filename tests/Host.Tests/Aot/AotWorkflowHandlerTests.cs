using ContinuousImprovement.Host.Tests.Bootstrap;

namespace ContinuousImprovement.Host.Tests.Aot;

/// <summary>
/// A workflow handler in the Native AOT <c>bootstrap</c>: its AWS clients are built at init from the environment
/// (AWSSDK and typed clients, under AOT), and its failures reach Lambda by name.
/// </summary>
[Collection(AotBootstrapGroup.Name)]
[Trait("Cost", "Native AOT publish")]
public sealed class AotWorkflowHandlerTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    private static readonly Dictionary<string, string> AwsEnvironment = new(StringComparer.Ordinal)
    {
        ["AWS_REGION"] = "eu-west-1",
        ["TABLE_NAME"] = "ci-inferences",
        ["TOPIC_ARN"] = "arn:aws:sns:eu-west-1:111122223333:ci-events",
        ["FLOW_DEFINITION_ARN"] = "arn:aws:sagemaker:eu-west-1:111122223333:flow-definition/ci-review",
    };

    [Fact]
    public async Task The_AOT_bootstrap_builds_a_workflow_handler_on_the_AWS_adapters_and_reports_unreadable_input_by_name()
    {
        await using var host = await ChildHost.StartAsync(AotBootstrapFixture.BinaryPath, [], "notify", AwsEnvironment);

        var result = await host.Api.InvokeAsync("[1,2]"u8.ToArray()).WaitAsync(Patience);

        Assert.True(result.IsError, result.Text);
        Assert.Equal("Handler.InvalidInput", result.ErrorTypeHeader);
        Assert.Equal("Handler.InvalidInput", result.Json.GetProperty("errorType").GetString());
        Assert.StartsWith("notify: notify cannot read its input", result.Json.GetProperty("errorMessage").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_AOT_bootstrap_posts_an_init_error_naming_the_missing_AWS_variables()
    {
        await using var host = await ChildHost.StartAsync(AotBootstrapFixture.BinaryPath, [], "detection-detect-labels", new Dictionary<string, string> { ["AWS_REGION"] = "eu-west-1" });

        var error = await host.Api.InitErrors.ReadAsync().AsTask().WaitAsync(Patience);

        Assert.Equal(1, await host.ExitCodeAsync(Patience));
        Assert.Contains("TABLE_NAME, TOPIC_ARN, FLOW_DEFINITION_ARN", error.Json.GetProperty("errorMessage").GetString(), StringComparison.Ordinal);
    }
}
