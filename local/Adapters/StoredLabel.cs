namespace ContinuousImprovement.Local.Adapters;

/// <summary>One label of a stored prediction, as raw as Rekognition gave it (0–100 confidence).</summary>
internal sealed record StoredLabel(string Label, double Confidence);
