using ContinuousImprovement.Core.Ports;
using ContinuousImprovement.Core.Sampling;
using ContinuousImprovement.Core.Storage;
using ContinuousImprovement.Local.Adapters;
using ContinuousImprovement.Workflows.Tests.Twin;

namespace ContinuousImprovement.Workflows.Tests.Adapters;

public sealed class LocalModelRuntimeTests : IDisposable
{
    private const string Arn = "arn:aws:rekognition:us-east-1:123456789012:project/p/version/v1/1";
    private const string ModelArn = "arn:aws:rekognition:us-east-1:123456789012:project/p/version/v3/3";
    private static readonly byte[] Jpeg = [0xFF, 0xD8, 0xFF, 0xE0, 0, 16, 0x4A, 0x46];
    private readonly TempFolder folder = new();
    private readonly FolderObjectStore images;
    private readonly LocalModelRuntime runtime;

    public LocalModelRuntimeTests()
    {
        images = new FolderObjectStore(folder["buckets"]);
        runtime = new LocalModelRuntime(folder["models"], images);
        LocalModelRuntime.Save(folder["models"], new LocalModelVersion(
            Arn,
            LocalModelRuntime.Running,
            new Dictionary<string, IReadOnlyList<LocalLabel>> { ["cat.png"] = [new("cat", 97.5), new("dog", 2.5)] },
            [new("dog", 60)]));
    }

    public void Dispose()
    {
        images.Dispose();
        folder.Dispose();
    }

    private async Task<S3ObjectRef> StoreAsync(string key, byte[] body) => (await images.PutAsync("photos", key, body, null, null, default)).Ref;

    [Fact]
    public async Task Labels_come_from_the_versions_file_by_image_name_at_or_above_the_minimum_confidence()
    {
        var image = await StoreAsync("in/cat.png", DetectionTwin.Png);

        var all = await runtime.DetectAsync(Arn, image, 0, default);
        var confident = await runtime.DetectAsync(Arn, image, 50, default);

        Assert.Equal(new Prediction([new LabelConfidence("cat", 97.5), new LabelConfidence("dog", 2.5)]), all);
        Assert.Equal(new Prediction([new LabelConfidence("cat", 97.5)]), confident);
    }

    [Fact]
    public async Task An_image_without_its_own_entry_gets_the_versions_answer_for_any_other_image()
    {
        var image = await StoreAsync("in/photo.jpg", Jpeg);

        Assert.Equal(new Prediction([new LabelConfidence("dog", 60)]), await runtime.DetectAsync(Arn, image, 0, default));
    }

    [Theory]
    [InlineData("STARTING", PortFailure.NotReady)]
    [InlineData("STOPPED", PortFailure.NotReady)]
    [InlineData(null, PortFailure.NotFound)]
    public async Task A_version_that_is_not_running_is_not_ready_and_an_unknown_one_not_found(string? status, PortFailure expected)
    {
        const string Other = "arn:aws:rekognition:us-east-1:123456789012:project/p/version/v2/2";
        if (status is not null)
        {
            LocalModelRuntime.Save(folder["models"], new LocalModelVersion(Other, status, new Dictionary<string, IReadOnlyList<LocalLabel>>()));
        }

        var image = await StoreAsync("in/cat.png", DetectionTwin.Png);

        var error = await Assert.ThrowsAsync<PortException>(() => runtime.DetectAsync(Other, image, 0, default));

        Assert.Equal(expected, error.Failure);
    }

    [Theory]
    [InlineData(new byte[] { 0x47, 0x49, 0x46, 0x38, 0x39, 0x61 })]
    [InlineData(new byte[] { 0x68, 0x65, 0x6C, 0x6C, 0x6F })]
    [InlineData(new byte[] { 0x89, 0x50, 0x4E })]
    [InlineData(new byte[0])]
    public async Task Bytes_that_are_not_a_png_or_jpeg_are_invalid(byte[] body)
    {
        var image = await StoreAsync("in/cat.png", body);

        var error = await Assert.ThrowsAsync<PortException>(() => runtime.DetectAsync(Arn, image, 0, default));

        Assert.Equal(PortFailure.Invalid, error.Failure);
        Assert.Contains("is not a PNG or JPEG image", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_missing_image_or_a_version_of_it_no_longer_there_is_not_found()
    {
        var old = await StoreAsync("in/cat.png", DetectionTwin.Png);
        await StoreAsync("in/cat.png", Jpeg);

        var missing = await Assert.ThrowsAsync<PortException>(() => runtime.DetectAsync(Arn, new S3ObjectRef("photos", "in/none.png"), 0, default));
        var stale = await Assert.ThrowsAsync<PortException>(() => runtime.DetectAsync(Arn, old, 0, default));

        Assert.Equal((PortFailure.NotFound, PortFailure.NotFound), (missing.Failure, stale.Failure));
    }

    [Fact]
    public async Task A_version_with_a_model_file_answers_from_the_image_bytes_highest_confidence_first_at_or_above_the_minimum()
    {
        var predictor = new FakePredictor([new("dog", 20), new("cat", 75.5), new("fox", 4.5)]);
        var image = await StoreAsync("in/cat.png", DetectionTwin.Png);
        ServeModel("versions/v3.model");

        var prediction = await WithPredictor(predictor).DetectAsync(ModelArn, image, 10, default);

        Assert.Equal(new Prediction([new LabelConfidence("cat", 75.5), new LabelConfidence("dog", 20)]), prediction);
        var call = predictor.Calls.Single();
        Assert.Equal(Path.Combine(folder["models"], "versions", "v3.model"), call.Path);
        Assert.Equal(DetectionTwin.Png, call.Image);
    }

    [Fact]
    public async Task Bytes_the_predictor_cannot_decode_are_invalid()
    {
        var image = await StoreAsync("in/cat.png", DetectionTwin.Png);
        ServeModel("versions/v3.model");

        var error = await Assert.ThrowsAsync<PortException>(() => WithPredictor(new FakePredictor(null)).DetectAsync(ModelArn, image, 0, default));

        Assert.Equal(PortFailure.Invalid, error.Failure);
        Assert.Contains("cannot be decoded", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("versions/v3.model", false, "this runtime was given no predictor")]
    [InlineData("../outside.model", true, "outside the models folder")]
    [InlineData("/etc/passwd", true, "outside the models folder")]
    public async Task A_model_file_that_cannot_be_served_is_unavailable_and_no_file_outside_the_folder_is_read(string modelFile, bool withPredictor, string reason)
    {
        var predictor = new FakePredictor([new("cat", 99)]);
        var image = await StoreAsync("in/cat.png", DetectionTwin.Png);
        ServeModel(modelFile);

        var error = await Assert.ThrowsAsync<PortException>(() => (withPredictor ? WithPredictor(predictor) : runtime).DetectAsync(ModelArn, image, 0, default));

        Assert.Equal(PortFailure.Unavailable, error.Failure);
        Assert.Contains(reason, error.Message, StringComparison.Ordinal);
        Assert.Empty(predictor.Calls);
    }

    [Fact]
    public async Task Versions_without_a_model_file_keep_answering_from_their_predictions_when_a_predictor_is_given()
    {
        var predictor = new FakePredictor([new("fox", 99)]);
        var image = await StoreAsync("in/cat.png", DetectionTwin.Png);

        var prediction = await WithPredictor(predictor).DetectAsync(Arn, image, 0, default);

        Assert.Equal("cat", prediction.Top!.Label);
        Assert.Empty(predictor.Calls);
    }

    private void ServeModel(string modelFile) =>
        LocalModelRuntime.Save(folder["models"], new LocalModelVersion(ModelArn, LocalModelRuntime.Running, new Dictionary<string, IReadOnlyList<LocalLabel>>(), [new("never", 100)], modelFile));

    private LocalModelRuntime WithPredictor(ILocalPredictor predictor) => new(folder["models"], images, predictor);

    private sealed class FakePredictor(IReadOnlyList<LocalLabel>? answer) : ILocalPredictor
    {
        public List<(string Path, byte[] Image)> Calls { get; } = [];

        public IReadOnlyList<LocalLabel>? Predict(string modelPath, ReadOnlySpan<byte> image)
        {
            lock (Calls)
            {
                Calls.Add((modelPath, image.ToArray()));
            }

            return answer;
        }
    }
}
