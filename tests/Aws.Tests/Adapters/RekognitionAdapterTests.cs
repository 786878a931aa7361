using System.Text.Json;
using ContinuousImprovement.Aws.Adapters;
using ContinuousImprovement.Aws.Rekognition;
using ContinuousImprovement.Aws.Tests.Peers;
using ContinuousImprovement.Core.Ports;
using ContinuousImprovement.Core.Sampling;
using ContinuousImprovement.Core.Storage;

namespace ContinuousImprovement.Aws.Tests.Adapters;

/// <summary>The Rekognition adapters over the typed client, against a loopback server answering the wire examples.</summary>
public sealed class RekognitionAdapterTests : IDisposable
{
    private const string VersionArn = "arn:aws:rekognition:us-east-1:111122223333:project/my-project/version/my-project.2026-01-01T00.00.00/1767225600000";
    private const string ProjectArn = "arn:aws:rekognition:us-east-1:111122223333:project/my-project";
    private static readonly (string, string) Json11 = ("Content-Type", "application/x-amz-json-1.1");
    private readonly LoopbackServer server = new();
    private readonly RekognitionClient client;

    public RekognitionAdapterTests() => client = new RekognitionClient(ServiceAdapterTestClients.Options(server));

    private static JsonElement Body(ReceivedRequest request) => JsonDocument.Parse(request.Body).RootElement;

    [Fact]
    public async Task Detect_sends_the_S3_object_and_min_confidence_and_returns_the_labels()
    {
        server.RespondWireExample("rekognition-DetectCustomLabels.200.http");

        var prediction = await new RekognitionModelRuntime(client).DetectAsync(VersionArn, new S3ObjectRef("bucket", "uploads/cat 1.jpg", "v7"), 0, CancellationToken.None);

        Assert.Equal(new Prediction([new("cat", 97.53), new("dog", 2.11)]), prediction);
        Assert.Equal("RekognitionService.DetectCustomLabels", server.Single.Header("X-Amz-Target"));
        var body = Body(server.Single);
        Assert.Equal(VersionArn, body.GetProperty("ProjectVersionArn").GetString());
        var s3 = body.GetProperty("Image").GetProperty("S3Object");
        Assert.Equal("bucket", s3.GetProperty("Bucket").GetString());
        Assert.Equal("uploads/cat 1.jpg", s3.GetProperty("Name").GetString());
        Assert.Equal("v7", s3.GetProperty("Version").GetString());
        Assert.Equal(0, body.GetProperty("MinConfidence").GetDouble());
    }

    [Fact]
    public async Task A_model_that_is_not_running_yet_is_not_ready()
    {
        server.RespondWireExample("rekognition-DetectCustomLabels.400-ResourceNotReady.http");

        var failure = await Assert.ThrowsAsync<PortException>(() => new RekognitionModelRuntime(client).DetectAsync(VersionArn, new S3ObjectRef("b", "k.jpg"), 0, CancellationToken.None));

        Assert.Equal(PortFailure.NotReady, failure.Failure);
        Assert.True(failure.IsRetryable);
    }

    [Fact]
    public async Task Throttling_is_throttled()
    {
        server.RespondWireExample("rekognition-any.400-Throttling.http");

        var failure = await Assert.ThrowsAsync<PortException>(() => new RekognitionModelRuntime(client).DetectAsync(VersionArn, new S3ObjectRef("b", "k.jpg"), 0, CancellationToken.None));

        Assert.Equal("Port.Throttled", failure.ErrorName);
    }

    [Theory]
    [InlineData("InvalidImageFormatException")]
    [InlineData("ImageTooLargeException")]
    [InlineData("InvalidS3ObjectException")]
    public async Task An_image_Rekognition_cannot_read_is_invalid(string code)
    {
        server.Respond(400, $$"""{"__type":"{{code}}","Message":"bad image"}""", Json11);

        var failure = await Assert.ThrowsAsync<PortException>(() => new RekognitionModelRuntime(client).DetectAsync(VersionArn, new S3ObjectRef("b", "k.jpg"), 0, CancellationToken.None));

        Assert.Equal(PortFailure.Invalid, failure.Failure);
        Assert.False(failure.IsRetryable);
    }

    [Fact]
    public async Task Describe_asks_for_the_version_in_its_project_and_reads_status_and_F1()
    {
        server.RespondWireExample("rekognition-DescribeProjectVersions.200.http");

        var version = await new RekognitionModelTraining(client).DescribeVersionAsync(VersionArn, CancellationToken.None);

        Assert.NotNull(version);
        Assert.Equal("TRAINING_COMPLETED", version.Status);
        Assert.Equal(0.931, version.F1);
        var body = Body(server.Single);
        Assert.Equal(ProjectArn, body.GetProperty("ProjectArn").GetString());
        Assert.Equal(["my-project.2026-01-01T00.00.00"], body.GetProperty("VersionNames").EnumerateArray().Select(v => v.GetString()));
    }

    [Fact]
    public async Task Create_sends_the_manifests_and_output_prefix_and_returns_the_version_arn()
    {
        server.Respond(200, $$"""{"ProjectVersionArn":"{{VersionArn}}"}""", Json11);

        var arn = await new RekognitionModelTraining(client).CreateVersionAsync(
            ProjectArn, "v2", new S3ObjectRef("b", "manifests/train.manifest"), new S3ObjectRef("b", "manifests/test.manifest"), new S3ObjectRef("b", "output/"), CancellationToken.None);

        Assert.Equal(VersionArn, arn);
        var body = Body(server.Single);
        Assert.Equal("v2", body.GetProperty("VersionName").GetString());
        Assert.Equal("output/", body.GetProperty("OutputConfig").GetProperty("S3KeyPrefix").GetString());
        Assert.Equal("manifests/train.manifest", body.GetProperty("TrainingData").GetProperty("Assets")[0].GetProperty("GroundTruthManifest").GetProperty("S3Object").GetProperty("Name").GetString());
        Assert.Equal("manifests/test.manifest", body.GetProperty("TestingData").GetProperty("Assets")[0].GetProperty("GroundTruthManifest").GetProperty("S3Object").GetProperty("Name").GetString());
    }

    [Fact]
    public async Task Start_sends_the_min_inference_units()
    {
        server.RespondWireExample("rekognition-StartProjectVersion.200.http");

        await new RekognitionModelTraining(client).StartVersionAsync(VersionArn, 2, CancellationToken.None);

        Assert.Equal("RekognitionService.StartProjectVersion", server.Single.Header("X-Amz-Target"));
        Assert.Equal(2, Body(server.Single).GetProperty("MinInferenceUnits").GetInt32());
    }

    public void Dispose()
    {
        client.Dispose();
        server.Dispose();
    }
}
