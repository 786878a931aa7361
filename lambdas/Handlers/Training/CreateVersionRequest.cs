namespace ContinuousImprovement.Handlers.Training;

/// <summary>Write the manifests and start training, as the check decided.</summary>
public sealed record CreateVersionRequest(TrainingCheck Check);
