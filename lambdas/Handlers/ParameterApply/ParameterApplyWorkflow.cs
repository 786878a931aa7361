using ContinuousImprovement.Handlers.Notifications;

namespace ContinuousImprovement.Handlers.ParameterApply;

/// <summary>The parameter-apply workflow's definition file and its functions (placeholder → handler name).</summary>
public static class ParameterApplyWorkflow
{
    public const string DefinitionFile = "statemachine/parameter-apply.asl.json";

    public const string CheckChange = "parameter-apply-check-change";
    public const string Restore = "parameter-apply-restore";
    public const string RememberLastGood = "parameter-apply-remember-last-good";
    public const string Apply = "parameter-apply-apply";
    public const string DescribeFailure = "parameter-apply-describe-failure";

    /// <summary>Definition placeholder → handler name.</summary>
    public static IReadOnlyDictionary<string, string> Functions { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["CheckChangeFunctionArn"] = CheckChange,
        ["RestoreFunctionArn"] = Restore,
        ["RememberLastGoodFunctionArn"] = RememberLastGood,
        ["ApplyFunctionArn"] = Apply,
        ["DescribeFailureFunctionArn"] = DescribeFailure,
        ["NotifyFunctionArn"] = Notify.Name,
    };
}
