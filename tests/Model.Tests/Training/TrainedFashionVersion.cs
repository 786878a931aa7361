using ContinuousImprovement.Core.Ports;
using ContinuousImprovement.Core.Storage;
using ContinuousImprovement.Local.Adapters;

namespace ContinuousImprovement.Local.Model.Tests.Training;

/// <summary>
/// One version trained through <see cref="LocalModelTraining"/> on 30 real images per class (test manifest: 10 per
/// class, other images), then started; shared by the tests that read it so the suite trains it once.
/// </summary>
public sealed class TrainedFashionVersion : IAsyncLifetime
{
    internal ModelTwin Twin { get; } = new();

    public string Arn { get; private set; } = "";

    public ModelVersion? DuringTraining { get; private set; }

    public ModelVersion? Trained { get; private set; }

    public LocalVersionRecord? Record { get; private set; }

    /// <summary>Held-out images (not in either manifest) stored for detection, with their true labels.</summary>
    public IReadOnlyList<(S3ObjectRef Image, string Label)> Uploads { get; private set; } = [];

    public async Task InitializeAsync()
    {
        var train = await FashionImages.StoreAsync(Twin.Store, ModelTwin.Bucket, "train", FashionImages.Pick(training: true, perClass: 30));
        var test = await FashionImages.StoreAsync(Twin.Store, ModelTwin.Bucket, "test", FashionImages.Pick(training: false, perClass: 10));
        var trainManifest = await FashionImages.WriteManifestAsync(Twin.Store, ModelTwin.Bucket, "manifests/v1/train.manifest", train);
        var testManifest = await FashionImages.WriteManifestAsync(Twin.Store, ModelTwin.Bucket, "manifests/v1/test.manifest", test);

        Arn = await Twin.Training.CreateVersionAsync(ModelTwin.Project, "v1", trainManifest, testManifest, new S3ObjectRef(ModelTwin.Bucket, "out/"), default);
        DuringTraining = await Twin.Training.DescribeVersionAsync(Arn, default);
        Twin.Time.Advance(ModelTwin.TrainingTime);
        Trained = await Twin.Training.DescribeVersionAsync(Arn, default);
        Record = await Twin.Training.DescribeLocalVersionAsync(Arn, default);
        await Twin.StartAsync(Arn);

        var uploads = new List<(S3ObjectRef, string)>();
        var n = 0;
        foreach (var image in FashionImages.Pick(training: false, perClass: 3, skip: 10))
        {
            var stored = await Twin.Store.PutAsync(ModelTwin.Bucket, $"{BucketLayout.ImagesForDetection}upload-{n++}.png", ImagePixels.ToPng(image.Pixels), "image/png", null, default);
            uploads.Add((stored.Ref, image.Label));
        }

        Uploads = uploads;
    }

    public Task DisposeAsync()
    {
        Twin.Dispose();
        return Task.CompletedTask;
    }
}
