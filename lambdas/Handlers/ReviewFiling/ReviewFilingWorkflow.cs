using ContinuousImprovement.Handlers.Detection;
using ContinuousImprovement.Handlers.Notifications;

namespace ContinuousImprovement.Handlers.ReviewFiling;

/// <summary>
/// The review-filing workflow's definition file and its functions (placeholder → handler name), as
/// <see cref="DetectionWorkflow"/> lists the detection workflow's. Loading the settings and notifying are the
/// same functions detection uses.
/// </summary>
public static class ReviewFilingWorkflow
{
    public const string DefinitionFile = "statemachine/review-filing.asl.json";

    public const string ReadReview = "review-filing-read-review";
    public const string FileImage = "review-filing-file-image";
    public const string Conclude = "review-filing-conclude";
    public const string DescribeFailure = "review-filing-describe-failure";

    /// <summary>Definition placeholder → handler name.</summary>
    public static IReadOnlyDictionary<string, string> Functions { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["LoadSettingsFunctionArn"] = DetectionWorkflow.LoadSettings,
        ["ReadReviewFunctionArn"] = ReadReview,
        ["FileImageFunctionArn"] = FileImage,
        ["ConcludeFunctionArn"] = Conclude,
        ["DescribeFailureFunctionArn"] = DescribeFailure,
        ["NotifyFunctionArn"] = Notify.Name,
    };
}
