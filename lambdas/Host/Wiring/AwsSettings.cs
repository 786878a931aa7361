using ContinuousImprovement.Handlers;

namespace ContinuousImprovement.Host.Wiring;

/// <summary>
/// What a function needs to reach its AWS resources, from its environment variables (set by the infrastructure):
/// <c>AWS_REGION</c>, <c>TABLE_NAME</c> (inference log and digest), <c>TOPIC_ARN</c>, <c>FLOW_DEFINITION_ARN</c> (A2I),
/// and optionally <c>BUCKET</c>, <c>PROJECT_ARN</c>, <c>PARAMETER_PREFIX</c> (default: the catalog's own prefix) and
/// <c>SCHEDULE_RULE_PREFIX</c> (what the stack's schedule rules are named with; default none).
/// </summary>
public sealed record AwsSettings(
    string Region,
    string TableName,
    string TopicArn,
    string FlowDefinitionArn,
    string? Bucket,
    string? ProjectArn,
    string? ParameterPrefix,
    string? ScheduleRulePrefix = null)
{
    /// <summary>Reads the variables; a missing required one names every missing variable at once, so one deploy fixes all.</summary>
    public static AwsSettings From(Func<string, string?> variable)
    {
        ArgumentNullException.ThrowIfNull(variable);
        var missing = new List<string>();
        string Required(params string[] names)
        {
            foreach (var name in names)
            {
                if (Optional(name) is { } value)
                {
                    return value;
                }
            }

            missing.Add(names[0]);
            return "";
        }

        string? Optional(string name) => variable(name) is { } value && !string.IsNullOrWhiteSpace(value) ? value.Trim() : null;

        var settings = new AwsSettings(
            Required("AWS_REGION", "AWS_DEFAULT_REGION"),
            Required(HostEnvironment.InferenceLogTable),
            Required(HostEnvironment.TopicArn),
            Required(HostEnvironment.FlowDefinitionArn),
            Optional(HostEnvironment.Bucket),
            Optional(HostEnvironment.ProjectArn),
            Optional(HostEnvironment.ParameterPrefix),
            Optional(HostEnvironment.ScheduleRulePrefix));
        return missing.Count == 0
            ? settings
            : throw new InvalidOperationException($"The function's environment lacks {string.Join(", ", missing)}; the workflow handlers need them to reach AWS.");
    }
}
