using ContinuousImprovement.Asl.Definition;
using ContinuousImprovement.Asl.Json;
using ContinuousImprovement.Asl.Runtime;
using ContinuousImprovement.Asl.Tasks;

namespace ContinuousImprovement.Asl.Tests.Engine;

public sealed class AwsSdkIntegrationTests
{
    private static EngineHarness WithSsm(Dictionary<string, string> store)
    {
        var harness = new EngineHarness();
        harness.Registry.AddAwsSdk("ssm", "getParameter", (request, _) =>
        {
            var name = ((JsonString)request["Name"]!).Value;
            return store.TryGetValue(name, out var value)
                ? ValueTask.FromResult<JsonValue>(new JsonObject.Builder(1).Set("Parameter", new JsonObject.Builder(2).Set("Name", JsonValue.From(name)).Set("Value", JsonValue.From(value)).Build()).Build())
                : throw new AwsSdkException("ParameterNotFound", $"Parameter {name} not found.");
        });
        return harness;
    }

    [Fact]
    public async Task A_registered_sdk_action_gets_the_request_and_returns_the_api_response()
    {
        var harness = WithSsm(new() { ["/app/threshold"] = "0.8" });

        var execution = await harness.RunAsync("""{"StartAt":"Read","States":{"Read":{"Type":"Task","Resource":"arn:aws:states:::aws-sdk:ssm:getParameter","Parameters":{"Name.$":"$.name"},"ResultSelector":{"value.$":"$.Parameter.Value"},"End":true}}}""", """{"name":"/app/threshold"}""");

        Assert.Equal(JsonValue.Parse("""{"value":"0.8"}"""), execution.Output);
    }

    [Fact]
    public async Task A_service_error_is_named_service_dot_exception_and_matched_by_catch()
    {
        var harness = WithSsm([]);

        var execution = await harness.RunAsync("""{"StartAt":"Read","States":{"Read":{"Type":"Task","Resource":"arn:aws:states:::aws-sdk:ssm:getParameter","Parameters":{"Name":"/nope"},"Catch":[{"ErrorEquals":["Ssm.ParameterNotFoundException"],"Next":"Missing"}],"End":true},"Missing":{"Type":"Pass","Result":"missing","End":true}}}""");

        Assert.Equal((ExecutionStatus.Succeeded, "\"missing\""), (execution.Status, execution.Output!.ToJson()));
        Assert.Equal("Ssm.ParameterNotFoundException", execution.History.Single(e => e.Type == HistoryEventType.TaskFailed).Error);
    }

    [Theory]
    [InlineData("ssm", null, "ParameterNotFound", "Ssm.ParameterNotFoundException")]
    [InlineData("s3", null, "NoSuchKey", "S3.NoSuchKeyException")]
    [InlineData("acmpca", "AcmPca", "ResourceNotFoundException", "AcmPca.ResourceNotFoundException")]
    public async Task Sdk_error_names_get_the_service_prefix_and_the_exception_suffix(string service, string? prefix, string code, string expected)
    {
        var harness = new EngineHarness();
        harness.Registry.AddAwsSdk(service, "act", (_, _) => throw new AwsSdkException(code, "failed"), prefix);

        var execution = await harness.RunAsync("""{"StartAt":"A","States":{"A":{"Type":"Task","Resource":"arn:aws:states:::aws-sdk:@0@:act","End":true}}}""".Replace("@0@", service, StringComparison.Ordinal));

        Assert.Equal((expected, "failed"), (execution.Error, execution.Cause));
    }

    [Fact]
    public void An_unregistered_sdk_action_is_refused_at_load_naming_the_state_the_action_and_what_is_registered()
    {
        var harness = WithSsm([]);

        var error = Assert.Throws<AslDefinitionException>(() => harness.Load("""{"StartAt":"Write","States":{"Write":{"Type":"Task","Resource":"arn:aws:states:::aws-sdk:ssm:deleteParameter","End":true}}}"""));

        var problem = Assert.Single(error.Problems);
        Assert.Contains("'Write'", problem, StringComparison.Ordinal);
        Assert.Contains("AWS SDK action 'ssm:deleteParameter'", problem, StringComparison.Ordinal);
        Assert.Contains("registered: ssm:getParameter", problem, StringComparison.Ordinal);
    }
}
