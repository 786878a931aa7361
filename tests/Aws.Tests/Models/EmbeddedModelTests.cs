using System.Text.Json;
using System.Text.Json.Nodes;
using ContinuousImprovement.Aws.Runtime;

namespace ContinuousImprovement.Aws.Tests.Models;

public sealed class EmbeddedModelTests
{
    public static TheoryData<string> Services() => new(UsedOperations.All.Select(s => s.Service));

    [Theory]
    [MemberData(nameof(Services))]
    public void Embedded_model_is_the_shared_botocore_model_trimmed_to_the_operations_we_call(string service)
    {
        var (_, shared, operations) = UsedOperations.All.Single(s => s.Service == service);
        var source = JsonNode.Parse(File.ReadAllText(AwsFixtures.SharedModel(shared)))!.AsObject();
        var expected = ModelTrimmer.Trim(source, operations);
        var path = AwsFixtures.Repository("lambdas", "Aws", "Models", $"{service}.service-2.json");
        if (Environment.GetEnvironmentVariable("UPDATE_AWS_MODELS") == "1")
        {
            File.WriteAllText(path, expected.ToJsonString(new JsonSerializerOptions { WriteIndented = true }) + "\n");
        }
        var embedded = JsonNode.Parse(File.ReadAllText(path));
        Assert.True(JsonNode.DeepEquals(expected, embedded), $"{path} differs from the trimmed {shared}; run the tests with UPDATE_AWS_MODELS=1.");
    }

    [Theory]
    [MemberData(nameof(Services))]
    public void Embedded_endpoint_rule_set_is_the_shared_one_where_shared_has_it(string service)
    {
        var shared = AwsFixtures.SharedModel($"{service}.endpoint-rule-set-1.json");
        var embedded = AwsFixtures.Repository("lambdas", "Aws", "Models", $"{service}.endpoint-rule-set-1.json");
        Assert.True(File.Exists(embedded));
        if (File.Exists(shared))
        {
            Assert.True(JsonNode.DeepEquals(JsonNode.Parse(File.ReadAllText(shared)), JsonNode.Parse(File.ReadAllText(embedded))));
        }
        else
        {
            Assert.Equal("sagemaker", service);
        }
    }

    [Fact]
    public void Every_service_loads_its_embedded_model_with_the_operations_we_call()
    {
        foreach (var service in AwsService.All)
        {
            var expected = UsedOperations.All.Single(s => s.Service == service.Name).Operations.Order(StringComparer.Ordinal);
            Assert.Equal(expected, service.Model.Operations.Keys.Order(StringComparer.Ordinal));
            Assert.NotNull(service.Endpoints);
        }
    }
}
