using ContinuousImprovement.Handlers.Contracts;

namespace ContinuousImprovement.Handlers.Detection;

/// <summary>A review the decision asked for: the image, what the model said and its log number, why a human is asked, the loop name and the settings.</summary>
public sealed record StartReviewRequest(
    ImageRef Image,
    PredictionResult Prediction,
    long SequenceNumber,
    IReadOnlyList<string> Reasons,
    string HumanLoopName,
    IReadOnlyDictionary<string, string> Settings);
