using ContinuousImprovement.Core.Sampling;

using static ContinuousImprovement.Core.Tests.Sampling.SamplingTestData;

namespace ContinuousImprovement.Core.Tests.Sampling;

public sealed class PredictionTests
{
    [Fact]
    public void Top_is_the_label_with_the_highest_confidence()
    {
        Assert.Equal(new LabelConfidence("cat", 97.53), Predict(("dog", 2.11), ("cat", 97.53)).Top);
    }

    [Fact]
    public void Top_is_null_without_labels()
    {
        Assert.Null(Prediction.Empty.Top);
        Assert.Empty(Prediction.Empty.Normalized());
    }

    [Fact]
    public void Ties_go_to_the_label_listed_first()
    {
        Assert.Equal("dog", Predict(("dog", 50), ("cat", 50)).Top!.Label);
        Assert.Equal("dog", Predict(("dog", 50), ("cat", 50)).Normalized()[0].Label);
    }

    [Fact]
    public void Worked_example_normalizes_50_30_20_to_probabilities()
    {
        IReadOnlyList<LabelProbability> p = Predict(("fox", 20), ("cat", 50), ("dog", 30)).Normalized();

        Assert.Equal(["cat", "dog", "fox"], p.Select(label => label.Label));
        Assert.Equal(0.5, p[0].Probability, 12);
        Assert.Equal(0.3, p[1].Probability, 12);
        Assert.Equal(0.2, p[2].Probability, 12);
    }

    [Fact]
    public void Worked_example_normalizes_confidences_that_do_not_sum_to_100()
    {
        IReadOnlyList<LabelProbability> p = Predict(("cat", 97.53), ("dog", 2.11)).Normalized();

        Assert.Equal(97.53 / 99.64, p[0].Probability, 12);
        Assert.Equal(2.11 / 99.64, p[1].Probability, 12);
    }

    [Theory]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    [InlineData(double.NegativeInfinity)]
    [InlineData(-5)]
    [InlineData(-0.0)]
    public void Unusable_confidences_count_as_zero(double bad)
    {
        Prediction prediction = Predict(("odd", bad), ("cat", 40));

        Assert.Equal(new LabelConfidence("cat", 40), prediction.Top);
        Assert.Equal([new LabelProbability("cat", 1), new LabelProbability("odd", 0)], prediction.Normalized());
        Assert.Equal(new LabelConfidence("odd", 0), Predict(("odd", bad)).Top);
    }

    [Fact]
    public void Without_any_positive_confidence_there_is_no_distribution()
    {
        Assert.Empty(Predict(("cat", 0), ("dog", double.NaN)).Normalized());
    }

    [Fact]
    public void Huge_confidences_do_not_overflow_the_normalization()
    {
        IReadOnlyList<LabelProbability> p = Predict(("cat", double.MaxValue), ("dog", double.MaxValue)).Normalized();

        Assert.Equal(0.5, p[0].Probability);
        Assert.Equal(0.5, p[1].Probability);
    }

    [Fact]
    public void A_repeated_label_counts_once_with_its_highest_confidence()
    {
        Prediction prediction = Predict(("cat", 60), ("dog", 20), ("cat", 80));

        Assert.Equal(new LabelConfidence("cat", 80), prediction.Top);
        Assert.Equal([new LabelProbability("cat", 0.8), new LabelProbability("dog", 0.2)], prediction.Normalized());
    }

    [Fact]
    public void Labels_that_differ_in_case_are_different_classes()
    {
        Assert.Equal(2, Predict(("cat", 60), ("Cat", 40)).Normalized().Count);
    }

    [Fact]
    public void The_labels_are_a_copy_of_the_callers_list()
    {
        var list = new List<LabelConfidence> { new("cat", 90) };
        var prediction = new Prediction(list);
        list.Add(new LabelConfidence("dog", 99));

        Assert.Single(prediction.Labels);
        Assert.IsNotType<List<LabelConfidence>>(prediction.Labels);
    }

    [Fact]
    public void Predictions_with_the_same_labels_are_equal()
    {
        Assert.Equal(Predict(("cat", 90), ("dog", 5)), Predict(("cat", 90), ("dog", 5)));
        Assert.Equal(Predict(("cat", 90)).GetHashCode(), Predict(("cat", 90)).GetHashCode());
        Assert.NotEqual(Predict(("cat", 90), ("dog", 5)), Predict(("dog", 5), ("cat", 90)));
        Assert.Equal("Prediction { Labels = [cat 90, dog 5.5] }", Predict(("cat", 90), ("dog", 5.5)).ToString());
    }

    [Fact]
    public void Null_labels_are_programmer_errors()
    {
        Assert.Throws<ArgumentNullException>(() => new Prediction(null!));
        Assert.Throws<ArgumentException>(() => new Prediction([null!]));
        Assert.Throws<ArgumentNullException>(() => new LabelConfidence(null!, 1));
    }
}
