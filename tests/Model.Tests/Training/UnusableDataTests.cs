using ContinuousImprovement.Core.Manifests;
using ContinuousImprovement.Core.Ports;
using ContinuousImprovement.Core.Storage;
using ContinuousImprovement.Local.Adapters;

namespace ContinuousImprovement.Local.Model.Tests.Training;

public sealed class UnusableDataTests : IDisposable
{
    private readonly ModelTwin twin = new();

    public void Dispose() => twin.Dispose();

    private static ManifestEntry Entry(string key, params string[] labels) => new(new S3ObjectRef(ModelTwin.Bucket, key), labels);

    private Task<S3ObjectRef> ManifestAsync(string name, IEnumerable<ManifestEntry> entries, string extraLines = "") =>
        FashionImages.WriteManifestAsync(twin.Store, ModelTwin.Bucket, $"manifests/{name}.manifest", entries, extraLines);

    private async Task<(ModelVersion Version, LocalVersionRecord Record)> TrainAsync(S3ObjectRef train, S3ObjectRef test)
    {
        var arn = await twin.TrainAsync("v", train, test);
        return ((await twin.Training.DescribeVersionAsync(arn, default))!, (await twin.Training.DescribeLocalVersionAsync(arn, default))!);
    }

    [Fact]
    public async Task Lines_without_a_usable_image_are_skipped_and_counted_by_reason_in_the_status_message()
    {
        var good = await FashionImages.StoreAsync(twin.Store, ModelTwin.Bucket, "train", FashionImages.Pick(training: true, perClass: 8, classes: 3));
        var test = await FashionImages.StoreAsync(twin.Store, ModelTwin.Bucket, "test", FashionImages.Pick(training: false, perClass: 4, classes: 3));
        await twin.Store.PutAsync(ModelTwin.Bucket, "images_labeled_by_folder/Trouser/notes.png", "hello"u8.ToArray(), null, null, default);
        await twin.Store.PutAsync(ModelTwin.Bucket, "images_labeled_by_folder/Trouser/cut.png", new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 1, 2 }, null, null, default);
        var bad = new[]
        {
            Entry("images_labeled_by_folder/Trouser/gone-1.png", "Trouser"),
            Entry("images_labeled_by_folder/Trouser/notes.png", "Trouser"),
            Entry("images_labeled_by_folder/Trouser/gone-2.png", "Trouser"),
            Entry("images_labeled_by_folder/Trouser/cut.png", "Trouser"),
            Entry(good[0].Image.Key, "T-shirt/top", "Trouser"),
        };
        var train = await ManifestAsync("train", good.Concat(bad), "{\"source-ref\":\"s3://bkt/x.png\"}\n");

        var (version, record) = await TrainAsync(train, await ManifestAsync("test", test));

        Assert.Equal(LocalModelTraining.TrainingCompleted, version.Status);
        Assert.StartsWith("The model is ready to run. Trained on 24 images of 3 labels; macro F1 ", version.StatusMessage, StringComparison.Ordinal);
        Assert.EndsWith(
            " on 12 test images. Skipped 6 of 30 training images: 1 on an unusable manifest line (first: line 30: no image-classification label (no \"<attribute>-metadata\" object with type \"groundtruth/image-classification\")), "
            + "2 not found (first: \"s3://bkt/images_labeled_by_folder/Trouser/gone-1.png\"), "
            + "1 not a PNG or JPEG image (first: \"s3://bkt/images_labeled_by_folder/Trouser/notes.png\"), "
            + "1 not decodable (a damaged PNG or JPEG) (first: \"s3://bkt/images_labeled_by_folder/Trouser/cut.png\"), "
            + "1 with more than one label (the classifier learns one per image) (first: \"s3://bkt/images_labeled_by_folder/T-shirt%2Ftop/train-0.png\").",
            version.StatusMessage,
            StringComparison.Ordinal);
        Assert.Equal(3, record.LabelScores!.Count);
    }

    [Fact]
    public async Task A_training_manifest_of_one_label_fails_training_saying_so_and_keeps_no_model()
    {
        var trousers = await FashionImages.StoreAsync(twin.Store, ModelTwin.Bucket, "t", FashionImages.Pick(training: true, perClass: 12).Where(i => i.Label == "Trouser"));
        var manifest = await ManifestAsync("trousers", trousers);

        var (version, record) = await TrainAsync(manifest, manifest);

        Assert.Equal(
            (LocalModelTraining.TrainingFailed, "Training needs images of at least two labels; the training manifest's 12 usable images all have label \"Trouser\".", (double?)null),
            (version.Status, version.StatusMessage, version.F1));
        Assert.Equal((null, null), (record.ModelFile, record.LabelScores));
        Assert.False(Directory.EnumerateFiles(Path.Combine(twin.ModelsFolder, "versions"), "*.model").Any());
    }

    [Fact]
    public async Task A_training_manifest_without_one_usable_image_fails_training_naming_what_was_skipped()
    {
        var missing = await ManifestAsync("missing", [Entry("images_labeled_by_folder/Bag/a.png", "Bag"), Entry("images_labeled_by_folder/Coat/b.png", "Coat")]);

        var (version, _) = await TrainAsync(missing, missing);

        Assert.Equal(LocalModelTraining.TrainingFailed, version.Status);
        Assert.Equal(
            "The training manifest has no usable images. Skipped 2 of 2 training images: 2 not found (first: \"s3://bkt/images_labeled_by_folder/Bag/a.png\"). "
            + "Skipped 2 of 2 test images: 2 not found (first: \"s3://bkt/images_labeled_by_folder/Bag/a.png\").",
            version.StatusMessage);
    }

    [Fact]
    public async Task A_test_manifest_without_one_usable_image_fails_training_as_the_model_cannot_be_scored()
    {
        var train = await ManifestAsync("train", await FashionImages.StoreAsync(twin.Store, ModelTwin.Bucket, "t", FashionImages.Pick(training: true, perClass: 5, classes: 2)));
        var test = await ManifestAsync("test", [Entry("images_labeled_by_folder/Bag/a.png", "Bag")]);

        var (version, _) = await TrainAsync(train, test);

        Assert.Equal(
            (LocalModelTraining.TrainingFailed, "The test manifest has no usable images, so the model cannot be evaluated. Skipped 1 of 1 test images: 1 not found (first: \"s3://bkt/images_labeled_by_folder/Bag/a.png\")."),
            (version.Status, version.StatusMessage));
    }

    [Fact]
    public async Task A_store_that_is_down_fails_the_call_so_the_workflow_retries_instead_of_training_on_part_of_the_data()
    {
        var entries = await FashionImages.StoreAsync(twin.Store, ModelTwin.Bucket, "t", FashionImages.Pick(training: true, perClass: 2, classes: 2));
        var manifest = GroundTruthManifest.Write(entries, new ManifestOptions(DateTimeOffset.UnixEpoch));
        var trainer = new MlNetTrainer(new DownStore(), new MlNetTrainerOptions(TimeSpan.FromMinutes(1)));

        var error = await Assert.ThrowsAsync<PortException>(() => trainer.TrainAsync(new LocalTrainingJob("arn", "v", 1, manifest, manifest), default));

        Assert.Equal(PortFailure.Unavailable, error.Failure);
    }

    private sealed class DownStore : IObjectStore
    {
        public Task<ObjectContent?> GetAsync(string bucket, string key, CancellationToken cancellationToken) => throw new PortException(PortFailure.Unavailable, "down");

        public Task<StoredObject?> HeadAsync(string bucket, string key, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task<StoredObject> PutAsync(string bucket, string key, ReadOnlyMemory<byte> body, string? contentType, IReadOnlyDictionary<string, string>? metadata, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task<StoredObject?> PutIfAbsentAsync(string bucket, string key, ReadOnlyMemory<byte> body, string? contentType, IReadOnlyDictionary<string, string>? metadata, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task<StoredObject?> CopyIfAbsentAsync(S3ObjectRef source, string destinationKey, IReadOnlyDictionary<string, string>? metadata, CancellationToken cancellationToken) => throw new NotSupportedException();

        public IAsyncEnumerable<StoredObject> ListAsync(string bucket, string prefix, CancellationToken cancellationToken) => throw new NotSupportedException();
    }
}
