using ContinuousImprovement.Core.Training;

namespace ContinuousImprovement.Local.Model.Tests;

public sealed class PixelClassifierTests
{
    private static readonly Lazy<(PixelClassifier Model, IReadOnlyList<MnistImage> Test)> Trained = new(() =>
    {
        var training = FashionMnist.Load(training: true, limit: 1500)
            .Select(i => new LabeledFeatures(ImagePixels.FromRawPixels(i.Pixels), i.Label))
            .ToList();
        return (PixelClassifier.Train(training, seed: 7), FashionMnist.Load(training: false, limit: 500));
    });

    [Fact]
    public void A_model_trained_on_real_images_classifies_held_out_ones_well()
    {
        var (model, test) = Trained.Value;

        var evaluation = ModelEvaluation.From(test.Select(i => (i.Label, (string?)model.PredictLabel(ImagePixels.FromRawPixels(i.Pixels)))));

        Assert.InRange(evaluation.MacroF1, 0.65, 1.0);
        Assert.Equal(10, model.Labels.Count);
    }

    [Fact]
    public void Predictions_carry_every_label_with_rekognition_confidences_that_sum_to_100()
    {
        var (model, test) = Trained.Value;

        var prediction = model.Predict(ImagePixels.FromRawPixels(test[0].Pixels));

        Assert.Equal(10, prediction.Count);
        Assert.All(prediction, l => Assert.InRange(l.Confidence, 0, 100));
        Assert.InRange(prediction.Sum(l => l.Confidence), 99.9, 100.1);
        Assert.Equal(prediction.OrderByDescending(l => l.Confidence).Select(l => l.Label), prediction.Select(l => l.Label));
    }

    [Fact]
    public void A_saved_model_loads_and_answers_the_same()
    {
        var (model, test) = Trained.Value;
        using var stream = new MemoryStream();
        model.Save(stream);
        stream.Position = 0;

        var loaded = PixelClassifier.Load(stream);

        var features = ImagePixels.FromRawPixels(test[1].Pixels);
        Assert.Equal(model.Predict(features), loaded.Predict(features));
    }

    [Fact]
    public void Training_with_a_single_label_is_refused_with_a_clear_reason()
    {
        var one = FashionMnist.Load(training: true, limit: 20).Select(i => new LabeledFeatures(ImagePixels.FromRawPixels(i.Pixels), "same")).ToList();

        var error = Assert.Throws<ArgumentException>(() => PixelClassifier.Train(one));

        Assert.StartsWith("Training needs images of at least two labels; got 1 label(s) in 20 image(s).", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Training_is_deterministic_for_a_seed()
    {
        var examples = FashionMnist.Load(training: true, limit: 300).Select(i => new LabeledFeatures(ImagePixels.FromRawPixels(i.Pixels), i.Label)).ToList();
        var features = ImagePixels.FromRawPixels(FashionMnist.Load(training: false, limit: 1)[0].Pixels);

        Assert.Equal(PixelClassifier.Train(examples, seed: 3).Predict(features), PixelClassifier.Train(examples, seed: 3).Predict(features));
    }
}
