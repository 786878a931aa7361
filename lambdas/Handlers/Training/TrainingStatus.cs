namespace ContinuousImprovement.Handlers.Training;

/// <summary>How a training execution ended (<see cref="TrainingOutcome.Status"/>).</summary>
public static class TrainingStatus
{
    public const string Skipped = "skipped";
    public const string Started = "training-started";
    public const string TrainingFailed = "training-failed";
    public const string GatedOut = "gated-out";
    public const string Deployed = "deployed";
    public const string DeployFailed = "deploy-failed";
}
