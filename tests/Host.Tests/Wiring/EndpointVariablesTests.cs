using ContinuousImprovement.Aws.Runtime;
using ContinuousImprovement.Host.Wiring;

namespace ContinuousImprovement.Host.Tests.Wiring;

/// <summary>
/// How the typed clients find the endpoints the AOT peer tests give them: the standard variables, read as AWSSDK's
/// own clients read them (they run in-process here; <see cref="AotAwsPeersTests"/> runs them in the binary).
/// </summary>
public sealed class EndpointVariablesTests
{
    private static readonly Dictionary<string, string> Required = new(StringComparer.Ordinal)
    {
        ["AWS_REGION"] = "eu-west-1",
        ["TABLE_NAME"] = "ci-inferences",
        ["TOPIC_ARN"] = "arn:aws:sns:eu-west-1:111122223333:ci-events",
        ["FLOW_DEFINITION_ARN"] = "arn:aws:sagemaker:eu-west-1:111122223333:flow-definition/ci-review",
    };

    [Theory]
    [InlineData("Rekognition", "AWS_ENDPOINT_URL_REKOGNITION")]
    [InlineData("SNS", "AWS_ENDPOINT_URL_SNS")]
    [InlineData("SageMaker A2I Runtime", "AWS_ENDPOINT_URL_SAGEMAKER_A2I_RUNTIME")]
    [InlineData("EventBridge", "AWS_ENDPOINT_URL_EVENTBRIDGE")]
    public void A_service_variable_is_named_after_the_serviceId_upper_cased_with_underscores_for_spaces(string serviceId, string variable) =>
        Assert.Equal(variable, AwsClientOptions.EndpointVariable(serviceId));

    [Fact]
    public void The_service_variable_wins_over_the_global_one_which_serves_every_other_service()
    {
        var variables = new Dictionary<string, string>
        {
            ["AWS_ENDPOINT_URL"] = "http://127.0.0.1:4000",
            ["AWS_ENDPOINT_URL_SNS"] = " http://127.0.0.1:4001/ ",
        };

        Assert.Equal(new Uri("http://127.0.0.1:4001/"), AwsClientOptions.ConfiguredEndpoint("SNS", variables.GetValueOrDefault));
        Assert.Equal(new Uri("http://127.0.0.1:4000"), AwsClientOptions.ConfiguredEndpoint("Rekognition", variables.GetValueOrDefault));
        Assert.Null(AwsClientOptions.ConfiguredEndpoint("SNS", _ => null));
    }

    [Theory]
    [InlineData("true", true)]
    [InlineData("TRUE", true)]
    [InlineData("false", false)]
    [InlineData("", false)]
    public void AWS_IGNORE_CONFIGURED_ENDPOINT_URLS_true_turns_the_variables_off(string ignore, bool ignored)
    {
        var variables = new Dictionary<string, string> { ["AWS_ENDPOINT_URL"] = "https://vpce.example", ["AWS_IGNORE_CONFIGURED_ENDPOINT_URLS"] = ignore };

        Assert.Equal(ignored ? null : new Uri("https://vpce.example"), AwsClientOptions.ConfiguredEndpoint("SNS", variables.GetValueOrDefault));
    }

    [Theory]
    [InlineData("127.0.0.1:4566")]
    [InlineData("ftp://127.0.0.1/")]
    [InlineData("not a url")]
    public void An_endpoint_that_is_no_http_URL_is_refused_naming_the_variable_and_the_value(string value)
    {
        var failure = Assert.Throws<InvalidOperationException>(() => AwsClientOptions.ConfiguredEndpoint("SageMaker A2I Runtime", name => name == "AWS_ENDPOINT_URL_SAGEMAKER_A2I_RUNTIME" ? value : null));

        Assert.Equal($"AWS_ENDPOINT_URL_SAGEMAKER_A2I_RUNTIME is \"{value}\", not an absolute http:// or https:// URL.", failure.Message);
    }

    [Fact]
    public void The_settings_hold_an_endpoint_for_each_typed_client_service_a_variable_sets()
    {
        var variables = new Dictionary<string, string>(Required)
        {
            ["AWS_ENDPOINT_URL_REKOGNITION"] = "http://127.0.0.1:5001",
            ["AWS_ENDPOINT_URL_EVENTBRIDGE"] = "http://127.0.0.1:5002",
            ["AWS_ENDPOINT_URL_SAGEMAKER_A2I_RUNTIME"] = "http://127.0.0.1:5003",
            ["AWS_ENDPOINT_URL_SNS"] = "http://127.0.0.1:5004",
            ["AWS_ENDPOINT_URL_S3"] = "http://127.0.0.1:5005",
        };

        var settings = AwsSettings.From(variables.GetValueOrDefault);

        Assert.Equal(
            ["events=http://127.0.0.1:5002/", "rekognition=http://127.0.0.1:5001/", "sagemaker-a2i-runtime=http://127.0.0.1:5003/", "sns=http://127.0.0.1:5004/"],
            settings.Endpoints.Select(e => $"{e.Key}={e.Value}").Order(StringComparer.Ordinal));
        Assert.Empty(AwsSettings.From(Required.GetValueOrDefault).Endpoints);
    }
}
