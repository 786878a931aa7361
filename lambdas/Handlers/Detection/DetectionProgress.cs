using ContinuousImprovement.Handlers.Contracts;

namespace ContinuousImprovement.Handlers.Detection;

/// <summary>
/// The detection workflow's state as far as it got: each step adds its result under its own name, and a Catch
/// adds the error as <see cref="Failure"/>; a review that failed to start adds what became of its slot as
/// <see cref="Slot"/>. Every part is optional, since a failure can come at any step.
/// </summary>
public sealed record DetectionProgress(
    UploadRead? Upload = null,
    SettingsLoaded? Settings = null,
    PredictionResult? Prediction = null,
    InferenceLogged? Inference = null,
    DetectionOutcome? Outcome = null,
    ErrorInfo? Failure = null,
    ReviewSlotReturned? Slot = null);
