namespace ContinuousImprovement.Core.Sampling;

/// <summary>
/// One label as Rekognition Custom Labels reports it: <see cref="Confidence"/> is on Rekognition's 0–100
/// percent scale, not a probability.
/// </summary>
public sealed record LabelConfidence(string Label, double Confidence)
{
    /// <summary>The label name as the model knows it (the training folder name).</summary>
    public string Label { get; init; } = Label ?? throw new ArgumentNullException(nameof(Label));

    /// <summary>"cat 97.53", for logs.</summary>
    public override string ToString() => $"{Label} {SamplingText.Number(Confidence)}";
}
