using ContinuousImprovement.Core.Sampling;
using ContinuousImprovement.Local.Adapters;

namespace ContinuousImprovement.Local.Model.Tests.Training;

public sealed class MlNetTrainerTests(TrainedFashionVersion version) : IClassFixture<TrainedFashionVersion>
{
    [Fact]
    public void A_version_trained_on_real_manifests_completes_on_the_clock_with_a_plausible_macro_F1()
    {
        Assert.Equal((LocalModelTraining.TrainingInProgress, (double?)null), (version.DuringTraining!.Status, version.DuringTraining.F1));
        Assert.Equal(LocalModelTraining.TrainingCompleted, version.Trained!.Status);
        Assert.InRange(version.Trained.F1!.Value, 0.6, 1.0);
        Assert.StartsWith("The model is ready to run. Trained on 300 images of 10 labels; macro F1 ", version.Trained.StatusMessage, StringComparison.Ordinal);
        Assert.EndsWith(" on 100 test images.", version.Trained.StatusMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_label_is_scored_on_the_test_manifest_and_their_mean_F1_is_the_versions_F1()
    {
        var scores = version.Record!.LabelScores!;

        Assert.Equal(FashionMnist.ClassNames.Order(StringComparer.Ordinal), scores.Select(s => s.Label));
        Assert.All(scores, s => Assert.Equal(10, s.Support));
        Assert.All(scores, s => Assert.InRange(s.Precision, 0, 1));
        Assert.Equal(version.Trained!.F1!.Value, scores.Average(s => s.F1), 9);
        Assert.Equal(100, scores.Sum(s => s.TruePositives + s.FalseNegatives));
    }

    [Fact]
    public void The_model_is_stored_as_a_file_next_to_the_version_records()
    {
        var file = version.Record!.ModelFile!;

        Assert.Equal(Path.Combine("versions", Uri.EscapeDataString(version.Arn) + ".model"), file);
        Assert.True(File.Exists(Path.Combine(version.Twin.ModelsFolder, file)));
        Assert.True(File.Exists(Path.Combine(version.Twin.ModelsFolder, "versions", Uri.EscapeDataString(version.Arn) + ".json")));
    }

    [Fact]
    public async Task A_running_version_labels_uploaded_pngs_from_their_pixels_as_Rekognition_answers()
    {
        var predictions = new List<Prediction>();
        foreach (var (image, _) in version.Uploads)
        {
            predictions.Add(await version.Twin.Runtime.DetectAsync(version.Arn, image, 0, default));
        }

        var correct = predictions.Zip(version.Uploads).Count(p => p.First.Top!.Label == p.Second.Label);
        Assert.InRange(correct, 18, 30);
        Assert.All(predictions, p => Assert.Equal(10, p.Labels.Count));
        Assert.All(predictions, p => Assert.Equal(p.Labels.OrderByDescending(l => l.Confidence).Select(l => l.Confidence), p.Labels.Select(l => l.Confidence)));
        Assert.All(predictions, p => Assert.InRange(p.Labels.Sum(l => l.Confidence), 99.9, 100.1));
    }

    [Fact]
    public async Task The_minimum_confidence_leaves_out_less_confident_labels()
    {
        var image = version.Uploads[0].Image;
        var all = await version.Twin.Runtime.DetectAsync(version.Arn, image, 0, default);
        var threshold = all.Labels[1].Confidence + 0.0005;

        var confident = await version.Twin.Runtime.DetectAsync(version.Arn, image, threshold, default);

        Assert.Equal([all.Labels[0]], confident.Labels);
    }

    [Fact]
    public async Task A_later_run_over_the_same_folder_finds_the_version_and_answers_the_same_from_the_stored_model()
    {
        var image = version.Uploads[4].Image;
        var before = await version.Twin.Runtime.DetectAsync(version.Arn, image, 0, default);
        using var training = version.Twin.NewTraining();
        var predictor = new MlNetPredictor();
        var runtime = new LocalModelRuntime(version.Twin.ModelsFolder, version.Twin.Store, predictor);

        var described = await training.DescribeVersionAsync(version.Arn, default);
        var after = await runtime.DetectAsync(version.Arn, image, 0, default);

        Assert.Equal((LocalModelTraining.Running, version.Trained!.F1), (described!.Status, described.F1));
        Assert.Equal(before, after);
        Assert.Equal(1, predictor.LoadedModels);
    }
}
