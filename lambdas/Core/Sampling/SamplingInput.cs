namespace ContinuousImprovement.Core.Sampling;

/// <summary>
/// The facts about one inference that the decision needs. <see cref="InferenceNumber"/> is the 1-based count
/// of inferences (for the audit strategy); <see cref="ClaimedLabel"/> is the label the uploader said the image
/// shows, if any; <see cref="HumanLoopsToday"/> is how many human loops were already started this UTC day
/// (see <see cref="DailyCounter"/>).
/// </summary>
public sealed record SamplingInput(
    Prediction Prediction,
    string ImageKey,
    long InferenceNumber,
    string? ClaimedLabel,
    int HumanLoopsToday);
