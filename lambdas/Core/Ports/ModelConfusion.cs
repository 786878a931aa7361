using ContinuousImprovement.Core.Training;

namespace ContinuousImprovement.Core.Ports;

/// <summary>
/// How a model version's top labels compare with the human labels of the same images: (human label, top label)
/// counts, ordinal order, "no label" (null) first, as in <see cref="ModelEvaluation.Confusion"/>.
/// </summary>
public sealed record ModelConfusion(string ModelVersionArn, IReadOnlyList<ConfusionCell> Cells)
{
    /// <summary>Human-labeled images the version predicted.</summary>
    public int Total => Cells.Sum(c => c.Count);

    /// <summary>Those whose top label is the human label.</summary>
    public int Agreed => Cells.Where(c => c.Truth == c.Predicted).Sum(c => c.Count);

    /// <summary>Per-label precision, recall and F1 against the human labels (see <see cref="ModelEvaluation.From"/>).</summary>
    public ModelEvaluation Evaluation() =>
        ModelEvaluation.From(Cells.SelectMany(c => Enumerable.Repeat((c.Truth, c.Predicted), Math.Max(0, c.Count))));

    /// <summary>The cells in the documented order, whatever order a store returned them in.</summary>
    public static ModelConfusion Of(string modelVersionArn, IEnumerable<ConfusionCell> cells)
    {
        ArgumentNullException.ThrowIfNull(modelVersionArn);
        ArgumentNullException.ThrowIfNull(cells);
        return new ModelConfusion(modelVersionArn, cells
            .OrderBy(c => c.Truth, StringComparer.Ordinal)
            .ThenBy(c => c.Predicted, StringComparer.Ordinal)
            .ToList());
    }
}
