using ContinuousImprovement.Handlers.Contracts;

namespace ContinuousImprovement.Handlers.Training;

/// <summary>
/// The F1 gate's verdict with both scores and the model-trained notification; when it fails, the gated-out
/// <see cref="Outcome"/>; when it passes, the blue/green plan to run and what serves now.
/// </summary>
public sealed record GateResult(
    bool Pass,
    string Reason,
    double? CandidateF1,
    double? ServingF1,
    NotificationText Trained,
    TrainingOutcome? Outcome,
    DeployProgress? Deploy,
    PreviousServing? Previous);
