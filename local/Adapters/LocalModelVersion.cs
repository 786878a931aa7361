namespace ContinuousImprovement.Local.Adapters;

/// <summary>
/// A model version the local runtime serves: its Rekognition-style status and either a trained model
/// (<see cref="ModelFile"/>, a path relative to the runtime's folder, answered by an <see cref="ILocalPredictor"/>)
/// or, without one, fixed answers: per image file name the labels it predicts, and <see cref="Otherwise"/> for any
/// other image (none: no label).
/// </summary>
public sealed record LocalModelVersion(
    string Arn,
    string Status,
    IReadOnlyDictionary<string, IReadOnlyList<LocalLabel>> Predictions,
    IReadOnlyList<LocalLabel>? Otherwise = null,
    string? ModelFile = null);

/// <summary>A predicted label with Rekognition's 0–100 confidence.</summary>
public sealed record LocalLabel(string Name, double Confidence);
