using ContinuousImprovement.Core.Training;
using ContinuousImprovement.Handlers.Contracts;

namespace ContinuousImprovement.Handlers.Training;

/// <summary>
/// The F1 gate's verdict with the scores and the model-trained notification; when it fails, the gated-out
/// <see cref="Outcome"/>; when it passes, the blue/green plan to run and what serves now.
/// </summary>
/// <param name="CandidateF1">The candidate's F1 on its test set (Rekognition's evaluation); null when none was reported.</param>
/// <param name="ServingF1">
/// The serving model's F1 the candidate was measured against: on the candidate's test images when it could be scored
/// there (<paramref name="ServingOnSameTestSet"/>), otherwise as recorded at its deployment; null when no model
/// serves or its F1 is unknown.
/// </param>
/// <param name="ServingRecordedF1">The serving model's F1 as recorded at its deployment (its own, older test set), for context.</param>
/// <param name="ServingScore">The serving model's score on the candidate's test images, with how many were scored and left out.</param>
public sealed record GateResult(
    bool Pass,
    string Reason,
    double? CandidateF1,
    double? ServingF1,
    NotificationText Trained,
    TrainingOutcome? Outcome,
    DeployProgress? Deploy,
    PreviousServing? Previous,
    double? ServingRecordedF1 = null,
    bool ServingOnSameTestSet = false,
    ServingRescore? ServingScore = null);
