namespace ContinuousImprovement.Handlers;

/// <summary>
/// The environment variables a deployed function reads to build its ports: CDK sets them, the Lambda host
/// reads them. One list, so the two can never disagree about a name.
/// </summary>
public static class HostEnvironment
{
    public const string Bucket = "BUCKET";
    public const string ParameterPrefix = "PARAMETER_PREFIX";
    public const string InferenceLogTable = "TABLE_NAME";
    public const string TopicArn = "TOPIC_ARN";
    public const string ProjectArn = "PROJECT_ARN";
    public const string FlowDefinitionArn = "FLOW_DEFINITION_ARN";

    /// <summary>What the stack's schedule rules are named with before the schedule's name (e.g. <c>ci-</c> + <c>training</c>).</summary>
    public const string ScheduleRulePrefix = "SCHEDULE_RULE_PREFIX";

    /// <summary>
    /// The review backends the stack deployed, comma-separated (e.g. <c>a2i</c>): Review-Backend is limited to them, so
    /// choosing one the deployment lacks is refused rather than ignored. Absent: every backend the catalog allows.
    /// </summary>
    public const string ReviewBackends = "REVIEW_BACKENDS";
}
