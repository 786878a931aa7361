namespace ContinuousImprovement.Core.Training;

/// <summary>
/// A model's scores on the test set: what the deployment gate compares and what notifications show.
/// </summary>
/// <param name="Labels">Per-label scores, ordinal order, over every label seen as truth or prediction.</param>
/// <param name="MacroF1">Unweighted mean of the labels' F1, so rare labels count as much as common ones.</param>
/// <param name="Accuracy">Correct / Total: the share of images whose prediction is their true label.</param>
/// <param name="Total">Test images scored.</param>
/// <param name="Correct">Test images whose prediction is their true label.</param>
/// <param name="Confusion">Non-zero (truth, prediction) counts, ordinal order, "no label" (null) first.</param>
public sealed record ModelEvaluation(
    IReadOnlyList<LabelMetrics> Labels,
    double MacroF1,
    double Accuracy,
    int Total,
    int Correct,
    IReadOnlyList<ConfusionCell> Confusion)
{
    /// <summary>
    /// Scores one (true label, predicted label) pair per test image; a null or empty prediction means the model
    /// gave no label above its threshold, which is a miss (false negative) for the true label and a false
    /// positive for nothing. For each label L:
    /// TP = truth L and predicted L; FP = predicted L, truth not L; FN = truth L, predicted not L (or nothing);
    /// precision = TP/(TP+FP), recall = TP/(TP+FN), F1 = 2TP/(2TP+FP+FN) (the harmonic mean of the two).
    /// As in scikit-learn with <c>zero_division=0</c>, a 0/0 ratio is 0: a label never predicted has precision 0,
    /// one never true has recall 0 and, having only false positives, F1 0. Macro F1 averages over the union of
    /// labels seen in truth or predictions; no pairs at all give macro F1 0 and accuracy 0.
    /// <para>Worked example, pairs (cat,cat) (cat,dog) (dog,dog) (dog,none) (bird,cat):
    /// cat TP 1, FP 1 (bird→cat), FN 1 (cat→dog): P = R = F1 = 0.5;
    /// dog TP 1, FP 1 (cat→dog), FN 1 (dog→none): P = R = F1 = 0.5;
    /// bird TP 0, FP 0, FN 1: P = 0 (0/0), R = 0, F1 = 0;
    /// macro F1 = (0.5 + 0.5 + 0) / 3 = 0.333; accuracy = 2 / 5 = 0.4.</para>
    /// </summary>
    /// <exception cref="ArgumentException">A null or empty true label: truths come from our own manifest, so that is a bug.</exception>
    public static ModelEvaluation From(IEnumerable<(string Truth, string? Predicted)> pairs)
    {
        ArgumentNullException.ThrowIfNull(pairs);

        var confusion = new Dictionary<(string Truth, string? Predicted), int>();
        foreach (var (truth, predicted) in pairs)
        {
            if (string.IsNullOrEmpty(truth))
            {
                throw new ArgumentException("Every test image needs a true label.", nameof(pairs));
            }

            var key = (truth, string.IsNullOrEmpty(predicted) ? null : predicted);
            confusion[key] = confusion.GetValueOrDefault(key) + 1;
        }

        var total = confusion.Values.Sum();
        var correct = confusion.Where(c => c.Key.Truth == c.Key.Predicted).Sum(c => c.Value);
        var labels = confusion.Keys
            .SelectMany(k => k.Predicted is null ? [k.Truth] : new[] { k.Truth, k.Predicted })
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)
            .Select(label => Score(label, confusion))
            .ToList();

        return new ModelEvaluation(
            labels,
            MacroF1: labels.Count == 0 ? 0 : labels.Average(l => l.F1),
            Accuracy: Ratio(correct, total),
            total,
            correct,
            confusion
                .OrderBy(c => c.Key.Truth, StringComparer.Ordinal)
                .ThenBy(c => c.Key.Predicted, StringComparer.Ordinal)
                .Select(c => new ConfusionCell(c.Key.Truth, c.Key.Predicted, c.Value))
                .ToList());
    }

    private static LabelMetrics Score(string label, Dictionary<(string Truth, string? Predicted), int> confusion)
    {
        int truePositives = 0, falsePositives = 0, falseNegatives = 0;
        foreach (var ((truth, predicted), count) in confusion)
        {
            var isTruth = truth == label;
            var isPredicted = predicted == label;
            truePositives += isTruth && isPredicted ? count : 0;
            falsePositives += !isTruth && isPredicted ? count : 0;
            falseNegatives += isTruth && !isPredicted ? count : 0;
        }

        return new LabelMetrics(
            label,
            Support: truePositives + falseNegatives,
            truePositives,
            falsePositives,
            falseNegatives,
            Precision: Ratio(truePositives, truePositives + falsePositives),
            Recall: Ratio(truePositives, truePositives + falseNegatives),
            F1: Ratio(2 * truePositives, (2 * truePositives) + falsePositives + falseNegatives));
    }

    private static double Ratio(int numerator, int denominator) => denominator == 0 ? 0 : (double)numerator / denominator;
}
