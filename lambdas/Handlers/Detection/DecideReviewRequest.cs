using ContinuousImprovement.Handlers.Contracts;

namespace ContinuousImprovement.Handlers.Detection;

/// <summary>Everything the review decision reads: the image, the uploader's claim, the prediction, its log number and the settings.</summary>
public sealed record DecideReviewRequest(
    ImageRef Image,
    string? ClaimedLabel,
    PredictionResult Prediction,
    long SequenceNumber,
    IReadOnlyDictionary<string, string> Settings);
