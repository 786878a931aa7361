using ContinuousImprovement.Handlers.Notifications;

namespace ContinuousImprovement.Handlers.Detection;

/// <summary>
/// The detection workflow's definition file and its functions: each <c>${Placeholder}</c> of the definition
/// with the handler (the Lambda host's <c>_HANDLER</c>) that serves it. CDK creates one function per entry
/// and passes its ARN as a DefinitionSubstitution; the twin registers the handlers under the same names.
/// </summary>
public static class DetectionWorkflow
{
    public const string DefinitionFile = "statemachine/detection.asl.json";

    public const string ReadUpload = "detection-read-upload";
    public const string LoadSettings = "detection-load-settings";
    public const string MarkPending = "detection-mark-pending";
    public const string DetectLabels = "detection-detect-labels";
    public const string Quarantine = "detection-quarantine";
    public const string LogInference = "detection-log-inference";
    public const string DecideReview = "detection-decide-review";
    public const string StartReview = "detection-start-review";
    public const string ReturnReviewSlot = "detection-return-review-slot";
    public const string DescribeFailure = "detection-describe-failure";

    /// <summary>Definition placeholder → handler name.</summary>
    public static IReadOnlyDictionary<string, string> Functions { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["ReadUploadFunctionArn"] = ReadUpload,
        ["LoadSettingsFunctionArn"] = LoadSettings,
        ["MarkPendingFunctionArn"] = MarkPending,
        ["DetectLabelsFunctionArn"] = DetectLabels,
        ["QuarantineFunctionArn"] = Quarantine,
        ["LogInferenceFunctionArn"] = LogInference,
        ["DecideReviewFunctionArn"] = DecideReview,
        ["StartReviewFunctionArn"] = StartReview,
        ["ReturnReviewSlotFunctionArn"] = ReturnReviewSlot,
        ["DescribeFailureFunctionArn"] = DescribeFailure,
        ["NotifyFunctionArn"] = Notify.Name,
    };
}
