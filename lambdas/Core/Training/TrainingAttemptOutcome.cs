namespace ContinuousImprovement.Core.Training;

/// <summary>How a training attempt ended.</summary>
public enum TrainingAttemptOutcome
{
    /// <summary>Trained, passed the gate and was deployed.</summary>
    Succeeded,

    /// <summary>Rekognition training (or evaluation, or deployment) failed.</summary>
    Failed,

    /// <summary>Trained fine but the F1 gate kept the serving model.</summary>
    GatedOut,
}
