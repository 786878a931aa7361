using ContinuousImprovement.Core.Training;

using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace ContinuousImprovement.Core.Tests.Training;

public sealed class ModelEvaluationTests
{
    private const double Tolerance = 1e-12;

    [Fact]
    public void Scores_the_worked_example_of_the_documentation()
    {
        var evaluation = ModelEvaluation.From([("cat", "cat"), ("cat", "dog"), ("dog", "dog"), ("dog", null), ("bird", "cat")]);

        Assert.Equal(
            [
                new LabelMetrics("bird", Support: 1, TruePositives: 0, FalsePositives: 0, FalseNegatives: 1, Precision: 0, Recall: 0, F1: 0),
                new LabelMetrics("cat", Support: 2, TruePositives: 1, FalsePositives: 1, FalseNegatives: 1, Precision: 0.5, Recall: 0.5, F1: 0.5),
                new LabelMetrics("dog", Support: 2, TruePositives: 1, FalsePositives: 1, FalseNegatives: 1, Precision: 0.5, Recall: 0.5, F1: 0.5),
            ],
            evaluation.Labels);
        Assert.Equal(1.0 / 3, evaluation.MacroF1, Tolerance);
        Assert.Equal(0.4, evaluation.Accuracy, Tolerance);
        Assert.Equal(5, evaluation.Total);
        Assert.Equal(2, evaluation.Correct);
        Assert.Equal(
            [
                new ConfusionCell("bird", "cat", 1),
                new ConfusionCell("cat", "cat", 1),
                new ConfusionCell("cat", "dog", 1),
                new ConfusionCell("dog", null, 1),
                new ConfusionCell("dog", "dog", 1),
            ],
            evaluation.Confusion);
    }

    [Fact]
    public void Precision_and_recall_differ_when_errors_are_lopsided()
    {
        // cat: TP 3, FP 1, FN 0 → P 0.75, R 1, F1 6/7. dog: TP 1, FP 0, FN 1 → P 1, R 0.5, F1 2/3.
        var evaluation = ModelEvaluation.From([("cat", "cat"), ("cat", "cat"), ("cat", "cat"), ("dog", "cat"), ("dog", "dog")]);

        var cat = evaluation.Labels[0];
        var dog = evaluation.Labels[1];
        Assert.Equal((0.75, 1.0, 6.0 / 7), (cat.Precision, cat.Recall, cat.F1));
        Assert.Equal((1.0, 0.5), (dog.Precision, dog.Recall));
        Assert.Equal(2.0 / 3, dog.F1, Tolerance);
        Assert.Equal(((6.0 / 7) + (2.0 / 3)) / 2, evaluation.MacroF1, Tolerance);
        Assert.Equal(0.8, evaluation.Accuracy, Tolerance);
    }

    [Fact]
    public void A_label_only_ever_predicted_counts_in_the_macro_average_with_f1_zero()
    {
        var evaluation = ModelEvaluation.From([("cat", "cat"), ("cat", "ghost")]);

        var ghost = Assert.Single(evaluation.Labels, l => l.Label == "ghost");
        Assert.Equal(new LabelMetrics("ghost", 0, 0, 1, 0, 0, 0, 0), ghost);
        Assert.Equal((0 + (2.0 / 3)) / 2, evaluation.MacroF1, Tolerance);
    }

    [Fact]
    public void An_empty_prediction_is_the_same_miss_as_no_prediction()
    {
        var evaluation = ModelEvaluation.From([("cat", ""), ("cat", null)]);

        Assert.Equal([new ConfusionCell("cat", null, 2)], evaluation.Confusion);
        Assert.Equal(new LabelMetrics("cat", 2, 0, 0, 2, 0, 0, 0), Assert.Single(evaluation.Labels));
    }

    [Fact]
    public void No_test_images_score_zero()
    {
        var evaluation = ModelEvaluation.From([]);

        Assert.Equal((0.0, 0.0, 0), (evaluation.MacroF1, evaluation.Accuracy, evaluation.Labels.Count));
    }

    [Fact]
    public void A_missing_true_label_is_a_bug() =>
        Assert.Throws<ArgumentException>(() => ModelEvaluation.From([("", "cat")]));

    private static readonly string[] LabelNames = ["cat", "dog", "emu", "Cat", "T-shirt/top"];

    private static readonly Gen<(string Truth, string? Predicted)[]> Pairs =
        (from truth in Gen.Elements(LabelNames)
         from predicted in Gen.Frequency((5, Gen.Elements(LabelNames).Select(p => (string?)p)), (1, Gen.Constant<string?>(null)))
         select (truth, predicted)).ArrayOf();

    [Property]
    public Property Every_f1_is_between_zero_and_one() =>
        Prop.ForAll(Pairs.ToArbitrary(), pairs =>
        {
            var evaluation = ModelEvaluation.From(pairs);

            Assert.All(evaluation.Labels, l =>
            {
                Assert.InRange(l.F1, 0, 1);
                Assert.InRange(l.Precision, 0, 1);
                Assert.InRange(l.Recall, 0, 1);
                Assert.Equal(pairs.Count(p => p.Truth == l.Label), l.Support);
            });
            Assert.InRange(evaluation.MacroF1, 0, 1);
            Assert.InRange(evaluation.Accuracy, 0, 1);
            Assert.Equal(pairs.Length, evaluation.Confusion.Sum(c => c.Count));
        });

    [Property]
    public Property Perfect_predictions_score_one() =>
        Prop.ForAll(Gen.Elements(LabelNames).NonEmptyListOf().ToArbitrary(), truths =>
        {
            var evaluation = ModelEvaluation.From(truths.Select(t => (t, (string?)t)));

            Assert.Equal(1.0, evaluation.MacroF1);
            Assert.Equal(1.0, evaluation.Accuracy);
            Assert.All(evaluation.Labels, l => Assert.Equal((1.0, 1.0, 1.0), (l.Precision, l.Recall, l.F1)));
        });

    [Property]
    public Property Macro_f1_does_not_depend_on_the_order_of_images() =>
        Prop.ForAll(
            (from pairs in Pairs from shuffled in Gen.Shuffle(pairs) select (pairs, shuffled)).ToArbitrary(),
            input => Assert.Equal(ModelEvaluation.From(input.pairs).MacroF1, ModelEvaluation.From(input.shuffled).MacroF1, Tolerance));

    [Property]
    public Property Macro_f1_does_not_depend_on_label_names() =>
        Prop.ForAll(
            (from pairs in Pairs from renamed in Gen.Shuffle(LabelNames) select (pairs, renamed)).ToArbitrary(),
            input =>
            {
                // A bijective renaming of the labels permutes the per-label F1s, so their mean is unchanged.
                var rename = LabelNames.Zip(input.renamed).ToDictionary(p => p.First, p => p.Second);
                var renamedPairs = input.pairs.Select(p => (rename[p.Truth], p.Predicted is null ? null : rename[p.Predicted]));

                Assert.Equal(ModelEvaluation.From(input.pairs).MacroF1, ModelEvaluation.From(renamedPairs).MacroF1, Tolerance);
            });
}
