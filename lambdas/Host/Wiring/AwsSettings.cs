using ContinuousImprovement.Aws.Runtime;
using ContinuousImprovement.Core.Parameters;
using ContinuousImprovement.Core.Settings;
using ContinuousImprovement.Core.Text;
using ContinuousImprovement.Handlers;

namespace ContinuousImprovement.Host.Wiring;

/// <summary>
/// What a function needs to reach its AWS resources, from its environment variables (set by the infrastructure):
/// <c>AWS_REGION</c>, <c>TABLE_NAME</c> (inference log and digest), <c>TOPIC_ARN</c>, <c>FLOW_DEFINITION_ARN</c> (A2I),
/// and optionally <c>BUCKET</c>, <c>PROJECT_ARN</c>, <c>PARAMETER_PREFIX</c> (default: the catalog's own prefix) and
/// <c>SCHEDULE_RULE_PREFIX</c> (what the stack's schedule rules are named with; default none) and <c>REVIEW_BACKENDS</c>
/// (the review backends deployed, comma-separated; default every one the catalog allows). The standard
/// <c>AWS_ENDPOINT_URL</c> and <c>AWS_ENDPOINT_URL_&lt;SERVICE&gt;</c> variables point clients at other endpoints (a
/// local peer, a VPC endpoint): AWSSDK's clients (S3, SSM, DynamoDB) read them themselves, the typed clients get
/// theirs from <see cref="Endpoints"/>.
/// </summary>
public sealed record AwsSettings(
    string Region,
    string TableName,
    string TopicArn,
    string FlowDefinitionArn,
    string? Bucket,
    string? ProjectArn,
    string? ParameterPrefix,
    string? ScheduleRulePrefix = null,
    IReadOnlyList<string>? ReviewBackends = null)
{
    /// <summary>The services whose clients are ours, not AWSSDK's: every typed client <see cref="AwsPorts"/> builds.</summary>
    public static IReadOnlyList<AwsService> TypedServices { get; } = [AwsService.Rekognition, AwsService.A2iRuntime, AwsService.Sns, AwsService.EventBridge];

    /// <summary>
    /// The endpoints the variables set for <see cref="TypedServices"/>, by <see cref="AwsService.Name"/>; a service
    /// not here is called at its AWS endpoint for the region.
    /// </summary>
    public IReadOnlyDictionary<string, Uri> Endpoints { get; init; } = new Dictionary<string, Uri>(StringComparer.Ordinal);

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
            Optional(HostEnvironment.ScheduleRulePrefix),
            ReviewBackendsFrom(Optional(HostEnvironment.ReviewBackends)));
        return missing.Count == 0
            ? settings with { Endpoints = TypedEndpoints(variable) }
            : throw new InvalidOperationException($"The function's environment lacks {string.Join(", ", missing)}; the workflow handlers need them to reach AWS.");
    }

    // Checked here, at start-up, against the catalog's choices: a typo in the stack must name the variable, not surface
    // later as a refused parameter value.
    private static string[]? ReviewBackendsFrom(string? value)
    {
        if (value is null)
        {
            return null;
        }

        var allowed = ParameterCatalog.Default[ReviewSettings.BackendParameter].AllowedValues;
        var backends = value.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        return backends.Length > 0 && backends.All(b => allowed.Contains(b, StringComparer.Ordinal))
            ? backends
            : throw new InvalidOperationException(
                $"The function's environment sets {HostEnvironment.ReviewBackends} to {Printable.Quote(value)}; it must list some of {string.Join(", ", allowed)}, comma-separated.");
    }

    // The models' serviceIds name the variables; building the typed clients parses these models anyway.
    private static Dictionary<string, Uri> TypedEndpoints(Func<string, string?> variable) =>
        TypedServices
            .Select(service => (service.Name, Url: AwsClientOptions.ConfiguredEndpoint(service.Model.Metadata.ServiceId, variable)))
            .Where(endpoint => endpoint.Url is not null)
            .ToDictionary(endpoint => endpoint.Name, endpoint => endpoint.Url!, StringComparer.Ordinal);
}
