using System.Text.Json;
using ContinuousImprovement.Aws.A2iRuntime;
using ContinuousImprovement.Aws.Errors;
using ContinuousImprovement.Aws.Model;
using ContinuousImprovement.Aws.Rekognition;
using ContinuousImprovement.Aws.Sns;
using ContinuousImprovement.Aws.Tests.Protocols;
using ContinuousImprovement.Aws.Tests.Runtime;

namespace ContinuousImprovement.Aws.Tests.Services;

/// <summary>Every raw response in shared/aws/wire-examples, through the typed clients, against what botocore parsed.</summary>
public sealed class WireExampleTests
{
    private static readonly Lazy<JsonElement> Parsed = new(() =>
        JsonDocument.Parse(File.ReadAllText(AwsFixtures.Shared("wire-examples", "parsed-by-botocore.json"))).RootElement.Clone());

    public static TheoryData<string> Examples() => new(ExampleNames());

    private static IEnumerable<string> ExampleNames() => Parsed.Value.EnumerateArray().Select(e => e.GetProperty("example").GetString()!);

    [Fact]
    public void Every_example_file_has_a_botocore_parse_and_is_run()
    {
        var files = Directory.EnumerateFiles(AwsFixtures.Shared("wire-examples"), "*.http").Select(f => Path.GetFileNameWithoutExtension(f)!).Order().ToList();
        Assert.Equal(files, ExampleNames().Order().ToList());
        Assert.Equal(12, files.Count);
    }

    [Theory]
    [MemberData(nameof(Examples))]
    public async Task Response_becomes_the_typed_result_or_typed_error_botocore_parsed(string example)
    {
        var entry = Parsed.Value.EnumerateArray().Single(e => e.GetProperty("example").GetString() == example);
        var expected = entry.GetProperty("botocore_parsed");
        var aws = new FakeAws().RespondRaw(File.ReadAllText(AwsFixtures.Shared("wire-examples", example + ".http")));

        var call = Call(entry.GetProperty("operation").GetString()!, aws);

        if (expected.TryGetProperty("Error", out var error))
        {
            var thrown = await Assert.ThrowsAsync<AwsServiceException>(() => call);
            Assert.Equal(error.GetProperty("Code").GetString(), thrown.Error.Code);
            Assert.Equal(error.GetProperty("Message").GetString(), thrown.Error.Message);
            Assert.Equal(ExpectedKind(thrown.Error.Code), thrown.Error.Kind);
            return;
        }
        var (result, model, shape) = await call;
        var difference = ProtocolValues.Difference(model, shape, expected, result);
        Assert.True(difference is null, difference);
    }

    [Fact]
    public async Task DescribeProjectVersions_example_reads_into_typed_values()
    {
        var aws = new FakeAws().RespondRaw(File.ReadAllText(AwsFixtures.Shared("wire-examples", "rekognition-DescribeProjectVersions.200.http")));
        using var client = new RekognitionClient(TestOptions.For(aws));

        var response = await client.DescribeProjectVersionsAsync(new DescribeProjectVersionsRequest("arn:aws:rekognition:us-east-1:111122223333:project/my-project/1"));

        var version = Assert.Single(response.ProjectVersionDescriptions!);
        Assert.Equal("TRAINING_COMPLETED", version.Status);
        Assert.Equal(new DateTimeOffset(2026, 1, 1, 0, 0, 0, 123, TimeSpan.Zero), version.CreationTimestamp);
        Assert.Equal(new DateTimeOffset(2026, 1, 1, 1, 0, 0, 500, TimeSpan.Zero), version.TrainingEndTimestamp);
        Assert.Equal(3600, version.BillableTrainingTimeInSeconds);
        Assert.Equal(0.931, version.EvaluationResult!.F1Score!.Value, 6);
        Assert.Equal("my-bucket", version.EvaluationResult.Summary!.S3Object!.Bucket);
    }

    [Fact]
    public async Task Sns_error_example_keeps_the_request_id_and_status()
    {
        var aws = new FakeAws().RespondRaw(File.ReadAllText(AwsFixtures.Shared("wire-examples", "sns-Publish.403-AuthorizationError.http")));
        using var client = new SnsClient(TestOptions.For(aws));

        var thrown = await Assert.ThrowsAsync<AwsServiceException>(() => client.PublishAsync(new PublishRequest("hi", TopicArn: "arn:aws:sns:us-east-1:111122223333:t")));

        Assert.Equal(new AwsServiceError("SNS", "AuthorizationError", "User is not authorized to perform: SNS:Publish", 403, "b5c8e6e6-0000-0000-0000-example2", AwsErrorKind.AccessDenied), thrown.Error);
        Assert.Equal(RetryClass.Terminal, thrown.Error.Retry);
    }

    private static AwsErrorKind ExpectedKind(string code) => code switch
    {
        "ResourceNotReadyException" => AwsErrorKind.ResourceNotReady,
        "ProvisionedThroughputExceededException" => AwsErrorKind.Throttling,
        "ConflictException" => AwsErrorKind.Conflict,
        "ValidationException" or "InvalidParameter" => AwsErrorKind.Validation,
        "AuthorizationError" => AwsErrorKind.AccessDenied,
        _ => throw new ArgumentOutOfRangeException(nameof(code), code, "no expectation for this example's code"),
    };

    /// <summary>Calls the operation through its typed client and returns the typed result as JSON with its output shape.</summary>
    private static async Task<(JsonElement Result, ServiceModel Model, Shape Shape)> Call(string operation, FakeAws aws)
    {
        var options = TestOptions.For(aws);
        switch (operation)
        {
            case "DetectCustomLabels":
            {
                using var client = new RekognitionClient(options);
                var result = await client.DetectCustomLabelsAsync(new DetectCustomLabelsRequest("arn:pv", new Image(S3Object: new S3Object("b", "k"))));
                return Typed(result, RekognitionJson.Default.DetectCustomLabelsResponse, Runtime.AwsServiceNames.Rekognition, operation);
            }
            case "DescribeProjectVersions":
            {
                using var client = new RekognitionClient(options);
                var result = await client.DescribeProjectVersionsAsync(new DescribeProjectVersionsRequest("arn:project"));
                return Typed(result, RekognitionJson.Default.DescribeProjectVersionsResponse, Runtime.AwsServiceNames.Rekognition, operation);
            }
            case "StartProjectVersion":
            {
                using var client = new RekognitionClient(options);
                var result = await client.StartProjectVersionAsync(new StartProjectVersionRequest("arn:pv", 1));
                return Typed(result, RekognitionJson.Default.StartProjectVersionResponse, Runtime.AwsServiceNames.Rekognition, operation);
            }
            case "StartHumanLoop":
            {
                using var client = new A2iRuntimeClient(options);
                var result = await client.StartHumanLoopAsync(new StartHumanLoopRequest("hl", "arn:flow", new HumanLoopInput("{}")));
                return Typed(result, A2iRuntimeJson.Default.StartHumanLoopResponse, Runtime.AwsServiceNames.A2iRuntime, operation);
            }
            case "DescribeHumanLoop":
            {
                using var client = new A2iRuntimeClient(options);
                var result = await client.DescribeHumanLoopAsync(new DescribeHumanLoopRequest("hl-0123456789abcdef"));
                return Typed(result, A2iRuntimeJson.Default.DescribeHumanLoopResponse, Runtime.AwsServiceNames.A2iRuntime, operation);
            }
            case "Publish":
            {
                using var client = new SnsClient(options);
                var result = await client.PublishAsync(new PublishRequest("hi", TopicArn: "arn:aws:sns:us-east-1:111122223333:t"));
                return Typed(result, SnsJson.Default.PublishResponse, Runtime.AwsServiceNames.Sns, operation);
            }
            default:
                throw new ArgumentOutOfRangeException(nameof(operation), operation, "no typed call for this example");
        }
    }

    private static (JsonElement, ServiceModel, Shape) Typed<T>(T result, System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> info, Aws.Runtime.AwsService service, string operation) =>
        (JsonSerializer.SerializeToElement(result, info), service.Model, service.Model.Shape(service.Model.Operation(operation).OutputShape!));
}
