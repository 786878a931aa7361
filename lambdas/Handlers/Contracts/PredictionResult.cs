using ContinuousImprovement.Core.Sampling;

namespace ContinuousImprovement.Handlers.Contracts;

/// <summary>What the model said about one image, in the order it said it.</summary>
public sealed record PredictionResult(IReadOnlyList<PredictedLabel> Labels)
{
    public static PredictionResult From(Prediction prediction)
    {
        ArgumentNullException.ThrowIfNull(prediction);
        return new PredictionResult(prediction.Labels.Select(l => new PredictedLabel(l.Label, l.Confidence)).ToList());
    }

    public Prediction ToPrediction() => new(Labels.Select(l => new LabelConfidence(l.Name, l.Confidence)).ToList());
}
