namespace ContinuousImprovement.Local.Adapters;

/// <summary>
/// A model version the local runtime serves: its Rekognition-style status and, per image file name, the labels
/// it predicts; <see cref="Otherwise"/> answers for any other image (none: no label).
/// </summary>
public sealed record LocalModelVersion(
    string Arn,
    string Status,
    IReadOnlyDictionary<string, IReadOnlyList<LocalLabel>> Predictions,
    IReadOnlyList<LocalLabel>? Otherwise = null);

/// <summary>A predicted label with Rekognition's 0–100 confidence.</summary>
public sealed record LocalLabel(string Name, double Confidence);
