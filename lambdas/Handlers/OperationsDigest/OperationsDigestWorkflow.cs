using ContinuousImprovement.Handlers.Notifications;

namespace ContinuousImprovement.Handlers.OperationsDigest;

/// <summary>
/// The operations-digest workflow's definition file and its functions: each <c>${Placeholder}</c> of the definition
/// with the handler that serves it (see <see cref="Detection.DetectionWorkflow"/> for how CDK and the twin use it).
/// The <c>digest</c> schedule starts it with <c>{"bucket": "&lt;bucket&gt;"}</c>.
/// </summary>
public static class OperationsDigestWorkflow
{
    public const string DefinitionFile = "statemachine/operations-digest.asl.json";

    public const string LoadSettings = "operations-digest-load-settings";
    public const string CheckDrift = "operations-digest-check-drift";
    public const string RecordDrift = "operations-digest-record-drift";
    public const string Claim = "operations-digest-claim";
    public const string Publish = "operations-digest-publish";
    public const string MarkSent = "operations-digest-mark-sent";
    public const string DescribeFailure = "operations-digest-describe-failure";

    /// <summary>Definition placeholder → handler name.</summary>
    public static IReadOnlyDictionary<string, string> Functions { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["LoadSettingsFunctionArn"] = LoadSettings,
        ["CheckDriftFunctionArn"] = CheckDrift,
        ["RecordDriftFunctionArn"] = RecordDrift,
        ["ClaimFunctionArn"] = Claim,
        ["PublishFunctionArn"] = Publish,
        ["MarkSentFunctionArn"] = MarkSent,
        ["DescribeFailureFunctionArn"] = DescribeFailure,
        ["NotifyFunctionArn"] = Notify.Name,
    };
}
