namespace ContinuousImprovement.Handlers.Training;

/// <summary>The catalog's event kinds the training workflow raises.</summary>
public static class TrainingNotificationKinds
{
    public const string TrainingStarted = "training-started";
    public const string TrainingSkipped = "training-skipped";
    public const string ModelTrained = "model-trained";
    public const string TrainingFailed = "training-failed";
    public const string GateFailed = "gate-failed";
    public const string ModelDeployed = "model-deployed";
    public const string DeployFailed = "deploy-failed";
}
