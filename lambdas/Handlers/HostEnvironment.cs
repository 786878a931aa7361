namespace ContinuousImprovement.Handlers;

/// <summary>
/// The environment variables a deployed function reads to build its ports: CDK sets them, the Lambda host
/// reads them. One list, so the two can never disagree about a name.
/// </summary>
public static class HostEnvironment
{
    public const string Bucket = "CI_BUCKET";
    public const string ParameterPrefix = "CI_PARAMETER_PREFIX";
    public const string InferenceLogTable = "CI_INFERENCE_LOG_TABLE";
    public const string TopicArn = "CI_TOPIC_ARN";
    public const string ProjectArn = "CI_PROJECT_ARN";
}
