namespace ContinuousImprovement.Asl.Tasks;

/// <summary>
/// What AWS's task events (TaskScheduled, TaskStarted, TaskSubmitted, TaskSucceeded, TaskFailed, TaskTimedOut) say
/// about the service they call: <c>resourceType</c> (the service, e.g. <c>lambda</c>, <c>states</c>,
/// <c>aws-sdk:ssm</c>), <c>resource</c> (the action, e.g. <c>invoke</c>, <c>startExecution.sync</c>) and the region;
/// the timeouts appear on TaskScheduled only.
/// </summary>
public sealed record TaskEventTarget(string ResourceType, string Resource, string Region, long? TimeoutInSeconds = null, long? HeartbeatInSeconds = null)
{
    private const string ServicePrefix = "arn:aws:states:::";
    private const string SdkPrefix = "aws-sdk:";

    /// <summary>
    /// Splits a service integration ARN: <c>arn:aws:states:::sns:publish</c> → (<c>sns</c>, <c>publish</c>);
    /// <c>arn:aws:states:::aws-sdk:ssm:getParameter</c> → (<c>aws-sdk:ssm</c>, <c>getParameter</c>). Anything else
    /// (an activity ARN, a name) keeps its text as the resource, under the service its ARN names.
    /// </summary>
    public static TaskEventTarget Of(string resource, string region)
    {
        ArgumentNullException.ThrowIfNull(resource);
        ArgumentNullException.ThrowIfNull(region);
        if (resource.StartsWith(ServicePrefix, StringComparison.Ordinal))
        {
            var rest = resource[ServicePrefix.Length..];
            var serviceEnd = rest.StartsWith(SdkPrefix, StringComparison.Ordinal)
                ? rest.IndexOf(':', SdkPrefix.Length)
                : rest.IndexOf(':', StringComparison.Ordinal);
            if (serviceEnd > 0)
            {
                return new TaskEventTarget(rest[..serviceEnd], rest[(serviceEnd + 1)..], region);
            }
        }

        var parts = resource.Split(':');
        return new TaskEventTarget(parts.Length > 2 ? parts[2] : "unknown", resource, region);
    }
}
