using ContinuousImprovement.Handlers.Notifications;

namespace ContinuousImprovement.Handlers.AuditSampling;

/// <summary>
/// The audit-sampling workflow's definition file and its functions: each <c>${Placeholder}</c> of the definition
/// with the handler that serves it (see <see cref="Detection.DetectionWorkflow"/> for how CDK and the twin use it).
/// </summary>
public static class AuditSamplingWorkflow
{
    public const string DefinitionFile = "statemachine/audit-sampling.asl.json";

    public const string LoadSettings = "audit-sampling-load-settings";
    public const string Plan = "audit-sampling-plan";
    public const string Reserve = "audit-sampling-reserve";
    public const string StartReview = "audit-sampling-start-review";
    public const string ReturnReviewSlot = "audit-sampling-return-review-slot";
    public const string FinishRound = "audit-sampling-finish-round";
    public const string DescribeFailure = "audit-sampling-describe-failure";

    /// <summary>Definition placeholder → handler name.</summary>
    public static IReadOnlyDictionary<string, string> Functions { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["LoadSettingsFunctionArn"] = LoadSettings,
        ["PlanFunctionArn"] = Plan,
        ["ReserveFunctionArn"] = Reserve,
        ["StartReviewFunctionArn"] = StartReview,
        ["ReturnReviewSlotFunctionArn"] = ReturnReviewSlot,
        ["FinishRoundFunctionArn"] = FinishRound,
        ["DescribeFailureFunctionArn"] = DescribeFailure,
        ["NotifyFunctionArn"] = Notify.Name,
    };
}
