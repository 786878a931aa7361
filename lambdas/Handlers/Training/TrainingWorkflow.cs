using ContinuousImprovement.Handlers.Notifications;

namespace ContinuousImprovement.Handlers.Training;

/// <summary>
/// The training workflow's definition file and its functions: each <c>${Placeholder}</c> of the definition with
/// the handler that serves it (see <see cref="Detection.DetectionWorkflow"/> for how CDK and the twin use it).
/// </summary>
public static class TrainingWorkflow
{
    public const string DefinitionFile = "statemachine/training.asl.json";

    public const string Check = "training-check";
    public const string CreateVersion = "training-create-version";
    public const string RecordCandidate = "training-record-candidate";
    public const string DescribeTraining = "training-describe-version";
    public const string RecordFailure = "training-record-failure";
    public const string ScoreServing = "training-score-serving";
    public const string Gate = "training-gate";
    public const string DeployStep = "training-deploy-step";
    public const string FinishDeployment = "training-finish-deployment";
    public const string ReleaseCandidate = "training-release-candidate";
    public const string DescribeFailure = "training-describe-failure";

    /// <summary>Definition placeholder → handler name.</summary>
    public static IReadOnlyDictionary<string, string> Functions { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["CheckFunctionArn"] = Check,
        ["CreateVersionFunctionArn"] = CreateVersion,
        ["RecordCandidateFunctionArn"] = RecordCandidate,
        ["DescribeVersionFunctionArn"] = DescribeTraining,
        ["RecordFailureFunctionArn"] = RecordFailure,
        ["ScoreServingFunctionArn"] = ScoreServing,
        ["GateFunctionArn"] = Gate,
        ["DeployStepFunctionArn"] = DeployStep,
        ["FinishDeploymentFunctionArn"] = FinishDeployment,
        ["ReleaseCandidateFunctionArn"] = ReleaseCandidate,
        ["DescribeFailureFunctionArn"] = DescribeFailure,
        ["NotifyFunctionArn"] = Notify.Name,
    };
}
