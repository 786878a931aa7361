using ContinuousImprovement.Core.Ports;
using ContinuousImprovement.Local.Adapters;

namespace ContinuousImprovement.Local.Model.Tests.Training;

public sealed class MlNetPredictorTests : IDisposable
{
    private static readonly Lazy<byte[]> SmallModel = new(() =>
    {
        var examples = FashionImages.Pick(training: true, perClass: 10)
            .Select(i => new LabeledFeatures(ImagePixels.FromRawPixels(i.Pixels), i.Label))
            .ToList();
        using var stream = new MemoryStream();
        PixelClassifier.Train(examples, seed: 2, iterations: 10).Save(stream);
        return stream.ToArray();
    });

    private readonly string folder = Directory.CreateTempSubdirectory("ci-predictor-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    private static byte[] Png(int index) => ImagePixels.ToPng(FashionImages.Pick(training: false, perClass: 2)[index].Pixels);

    private string ModelFile(byte[] content)
    {
        var path = Path.Combine(folder, Guid.NewGuid().ToString("N") + ".model");
        File.WriteAllBytes(path, content);
        return path;
    }

    [Fact]
    public void A_model_is_loaded_once_and_served_from_memory_afterwards()
    {
        var predictor = new MlNetPredictor();
        var path = ModelFile(SmallModel.Value);
        var first = predictor.Predict(path, Png(0));

        File.Delete(path);
        var again = predictor.Predict(path, Png(0));

        Assert.Equal(first, again);
        Assert.Equal(10, first!.Count);
        Assert.Equal(1, predictor.LoadedModels);
    }

    [Fact]
    public void A_file_that_is_no_model_is_unavailable_by_name_and_is_tried_again_once_replaced()
    {
        var predictor = new MlNetPredictor();
        var path = ModelFile("not a model"u8.ToArray());

        var error = Assert.Throws<PortException>(() => predictor.Predict(path, Png(0)));
        File.WriteAllBytes(path, SmallModel.Value);
        var labels = predictor.Predict(path, Png(0));

        Assert.Equal(PortFailure.Unavailable, error.Failure);
        Assert.StartsWith($"Model file \"{path}\" cannot be loaded: ", error.Message, StringComparison.Ordinal);
        Assert.Equal(10, labels!.Count);
    }

    [Fact]
    public void A_missing_model_file_is_unavailable_and_not_kept()
    {
        var predictor = new MlNetPredictor();

        var error = Assert.Throws<PortException>(() => predictor.Predict(Path.Combine(folder, "none.model"), Png(0)));

        Assert.Equal(PortFailure.Unavailable, error.Failure);
        Assert.Equal(0, predictor.LoadedModels);
    }

    [Fact]
    public void Bytes_that_do_not_decode_as_an_image_get_no_labels()
    {
        var predictor = new MlNetPredictor();

        Assert.Null(predictor.Predict(ModelFile(SmallModel.Value), [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 1, 2, 3]));
    }

    [Fact]
    public void Concurrent_predictions_answer_exactly_as_one_at_a_time()
    {
        var predictor = new MlNetPredictor();
        var path = ModelFile(SmallModel.Value);
        var images = Enumerable.Range(0, 20).Select(Png).ToList();
        var expected = images.Select(i => predictor.Predict(path, i)!).ToList();
        var fresh = new MlNetPredictor();
        var answers = new IReadOnlyList<LocalLabel>?[400];

        Parallel.For(0, answers.Length, new ParallelOptions { MaxDegreeOfParallelism = 8 }, i => answers[i] = fresh.Predict(path, images[i % images.Count]));

        Assert.All(Enumerable.Range(0, answers.Length), i => Assert.Equal(expected[i % images.Count], answers[i]));
        Assert.Equal(1, fresh.LoadedModels);
    }
}
