namespace ContinuousImprovement.Core.Training;

/// <summary>
/// One label's scores on a test set. <paramref name="Support"/> is how many test images truly have the label.
/// Ratios whose denominator is 0 are 0 (see <see cref="ModelEvaluation.From"/>).
/// </summary>
public sealed record LabelMetrics(
    string Label,
    int Support,
    int TruePositives,
    int FalsePositives,
    int FalseNegatives,
    double Precision,
    double Recall,
    double F1);
