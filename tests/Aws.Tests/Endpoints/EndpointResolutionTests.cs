using ContinuousImprovement.Aws.Endpoints;
using ContinuousImprovement.Aws.Runtime;

namespace ContinuousImprovement.Aws.Tests.Endpoints;

/// <summary>The embedded rule sets evaluated by our rules engine, with AWSSDK.Core's partition table.</summary>
public sealed class EndpointResolutionTests
{
    public static TheoryData<string, string, bool, bool, string> Hosts() => new()
    {
        // service, region, FIPS, dual-stack, expected URL
        { "rekognition", "us-east-1", false, false, "https://rekognition.us-east-1.amazonaws.com" },
        { "rekognition", "eu-west-1", false, false, "https://rekognition.eu-west-1.amazonaws.com" },
        { "rekognition", "us-east-1", true, false, "https://rekognition-fips.us-east-1.amazonaws.com" },
        { "rekognition", "us-east-1", false, true, "https://rekognition.us-east-1.api.aws" },
        { "rekognition", "us-east-1", true, true, "https://rekognition-fips.us-east-1.api.aws" },
        { "rekognition", "us-gov-west-1", true, false, "https://rekognition-fips.us-gov-west-1.amazonaws.com" },
        { "rekognition", "cn-north-1", false, false, "https://rekognition.cn-north-1.amazonaws.com.cn" },
        { "rekognition", "cn-north-1", false, true, "https://rekognition.cn-north-1.api.amazonwebservices.com.cn" },
        { "sagemaker-a2i-runtime", "us-east-1", false, false, "https://a2i-runtime.sagemaker.us-east-1.amazonaws.com" },
        { "sagemaker-a2i-runtime", "ap-northeast-1", false, false, "https://a2i-runtime.sagemaker.ap-northeast-1.amazonaws.com" },
        { "sagemaker-a2i-runtime", "us-east-1", true, false, "https://a2i-runtime.sagemaker-fips.us-east-1.amazonaws.com" },
        { "sagemaker-a2i-runtime", "us-gov-west-1", false, false, "https://a2i-runtime.sagemaker.us-gov-west-1.amazonaws.com" },
        { "sns", "us-east-1", false, false, "https://sns.us-east-1.amazonaws.com" },
        { "sns", "us-east-1", true, false, "https://sns-fips.us-east-1.amazonaws.com" },
        { "sns", "us-gov-west-1", false, false, "https://sns.us-gov-west-1.amazonaws.com" },
        { "sns", "us-gov-west-1", true, false, "https://sns.us-gov-west-1.amazonaws.com" },
        { "sns", "us-gov-east-1", true, false, "https://sns.us-gov-east-1.amazonaws.com" },
        { "sns", "cn-northwest-1", false, false, "https://sns.cn-northwest-1.amazonaws.com.cn" },
        { "events", "us-west-2", false, false, "https://events.us-west-2.amazonaws.com" },
        { "events", "us-east-1", true, false, "https://events-fips.us-east-1.amazonaws.com" },
        { "events", "us-gov-east-1", true, false, "https://events.us-gov-east-1.amazonaws.com" },
        { "events", "us-gov-west-1", true, false, "https://events.us-gov-west-1.amazonaws.com" },
        { "events", "cn-north-1", false, false, "https://events.cn-north-1.amazonaws.com.cn" },
        { "scheduler", "ap-southeast-2", false, false, "https://scheduler.ap-southeast-2.amazonaws.com" },
        { "scheduler", "us-east-1", true, false, "https://scheduler-fips.us-east-1.amazonaws.com" },
        { "scheduler", "cn-north-1", false, false, "https://scheduler.cn-north-1.amazonaws.com.cn" },
        { "stepfunctions", "us-east-1", false, false, "https://states.us-east-1.amazonaws.com" },
        { "stepfunctions", "us-east-1", true, false, "https://states-fips.us-east-1.amazonaws.com" },
        // GovCloud's regional Step Functions endpoint is FIPS already; its dual-stack one is named -fips (rule set quirks).
        { "stepfunctions", "us-gov-west-1", true, false, "https://states.us-gov-west-1.amazonaws.com" },
        { "stepfunctions", "us-gov-east-1", true, false, "https://states-fips.us-gov-east-1.amazonaws.com" },
        { "stepfunctions", "us-gov-east-1", false, true, "https://states-fips.us-gov-east-1.api.aws" },
        { "stepfunctions", "cn-northwest-1", false, false, "https://states.cn-northwest-1.amazonaws.com.cn" },
        { "stepfunctions", "eu-central-1", false, true, "https://states.eu-central-1.api.aws" },
        { "sagemaker", "us-east-1", false, false, "https://api.sagemaker.us-east-1.amazonaws.com" },
        { "sagemaker", "us-gov-west-1", false, false, "https://api.sagemaker.us-gov-west-1.amazonaws.com" },
        { "sagemaker", "cn-north-1", false, false, "https://api.sagemaker.cn-north-1.amazonaws.com.cn" },
    };

    [Theory]
    [MemberData(nameof(Hosts))]
    public void Rule_set_resolves_the_regional_host(string service, string region, bool fips, bool dualStack, string expected)
    {
        var endpoint = Service(service).Endpoints.Resolve(new EndpointParameters(region, fips, dualStack));

        Assert.Equal(new Uri(expected), endpoint.Url);
    }

    [Fact]
    public void Expected_hosts_are_the_url_templates_of_the_rule_set_files()
    {
        // The table above is not a second copy of the rules: each host must come from a template in the file itself.
        foreach (var row in Hosts())
        {
            var (service, region, url) = ((string)row[0], (string)row[1], (string)row[4]);
            var text = File.ReadAllText(AwsFixtures.Repository("lambdas", "Aws", "Models", $"{service}.endpoint-rule-set-1.json"));
            var prefix = new Uri(url).Host.Split('.' + region + '.')[0];
            Assert.True(text.Contains($"https://{prefix}.", StringComparison.Ordinal) || text.Contains(new Uri(url).Host, StringComparison.Ordinal), $"{url} has no template in {service}");
        }
    }

    [Fact]
    public void An_explicit_endpoint_is_used_as_given()
    {
        var endpoint = AwsService.Rekognition.Endpoints.Resolve(new EndpointParameters("us-east-1", Endpoint: "https://vpce-1.rekognition.us-east-1.vpce.amazonaws.com"));

        Assert.Equal(new Uri("https://vpce-1.rekognition.us-east-1.vpce.amazonaws.com"), endpoint.Url);
    }

    [Theory]
    [InlineData("rekognition", "us-east-1", true, "https://x.example", "Invalid Configuration: FIPS and custom endpoint are not supported")]
    [InlineData("sns", null, false, null, "Invalid Configuration: Missing Region")]
    [InlineData("sagemaker", "us-east-1", true, null, "FIPS endpoints of SageMaker need its official rule set (its FIPS hosts are not the standard pattern); pass an explicit endpoint")]
    public void Refused_parameters_give_the_rule_sets_own_message(string service, string? region, bool fips, string? endpoint, string message)
    {
        var thrown = Assert.Throws<EndpointResolutionException>(() => Service(service).Endpoints.Resolve(new EndpointParameters(region, fips, Endpoint: endpoint)));

        Assert.Equal(message, thrown.Message);
    }

    [Fact]
    public void Golden_hosts_are_what_the_rule_sets_resolve_for_us_east_1()
    {
        foreach (var golden in Signing.GoldenCase.All)
        {
            Assert.Equal(golden.Host, golden.Service.Endpoints.Resolve(new EndpointParameters("us-east-1")).Url.Host);
        }
    }

    private static AwsService Service(string name) => AwsService.All.Single(s => s.Name == name);
}
