using ContinuousImprovement.Core.Ports;
using ContinuousImprovement.Local.Adapters;

namespace ContinuousImprovement.Local.Model.Tests.Training;

public sealed class ModelBootstrapTests : IDisposable
{
    private readonly ModelTwin twin = new();

    public void Dispose() => twin.Dispose();

    [Fact]
    public async Task A_seed_set_becomes_a_completed_version_at_once_that_starts_and_labels_images()
    {
        var seed = await FashionImages.StoreAsync(twin.Store, ModelTwin.Bucket, "seed", FashionImages.Pick(training: true, perClass: 20));
        var upload = FashionImages.Pick(training: false, perClass: 1, skip: 50)[1];
        var image = (await twin.Store.PutAsync(ModelTwin.Bucket, "images_for_detection/u.png", ImagePixels.ToPng(upload.Pixels), "image/png", null, default)).Ref;

        var version = await ModelBootstrap.AddInitialVersionAsync(twin.Training, twin.Trainer, ModelTwin.Project, "version-1", seed);
        await twin.StartAsync(version.Arn);
        var prediction = await twin.Runtime.DetectAsync(version.Arn, image, 0, default);

        Assert.Equal(LocalModelTraining.TrainingCompleted, version.Status);
        Assert.InRange(version.F1!.Value, 0.5, 1.0);
        Assert.Matches(@"^The model is ready to run\. Trained on 1[3-7]\d images of 10 labels; macro F1 0\.\d{3} on [2-7]\d test images\.$", version.StatusMessage);
        Assert.Equal(LocalModelTraining.Running, (await twin.Training.DescribeVersionAsync(version.Arn, default))!.Status);
        Assert.Equal(10, prediction.Labels.Count);
    }

    [Fact]
    public async Task Every_seed_label_is_trained_on_and_scored()
    {
        var seed = await FashionImages.StoreAsync(twin.Store, ModelTwin.Bucket, "seed", FashionImages.Pick(training: true, perClass: 5, classes: 4));

        var version = await ModelBootstrap.AddInitialVersionAsync(twin.Training, twin.Trainer, ModelTwin.Project, "version-1", seed);
        var record = await twin.Training.DescribeLocalVersionAsync(version.Arn, default);

        Assert.Equal(FashionMnist.ClassNames.Take(4).Order(StringComparer.Ordinal), record!.LabelScores!.Select(s => s.Label));
        Assert.All(record.LabelScores!, s => Assert.InRange(s.Support, 1, 4));
    }

    [Fact]
    public async Task A_seed_of_one_label_is_registered_as_a_failed_training_and_the_name_stays_taken()
    {
        var seed = await FashionImages.StoreAsync(twin.Store, ModelTwin.Bucket, "seed", FashionImages.Pick(training: true, perClass: 6, classes: 1));

        var version = await ModelBootstrap.AddInitialVersionAsync(twin.Training, twin.Trainer, ModelTwin.Project, "version-1", seed);
        var again = await Assert.ThrowsAsync<PortException>(() => ModelBootstrap.AddInitialVersionAsync(twin.Training, twin.Trainer, ModelTwin.Project, "version-1", seed));

        Assert.Equal(LocalModelTraining.TrainingFailed, version.Status);
        Assert.StartsWith("Training needs images of at least two labels;", version.StatusMessage, StringComparison.Ordinal);
        Assert.Equal(PortFailure.Conflict, again.Failure);
    }
}
