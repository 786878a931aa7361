using System.Buffers;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

using ContinuousImprovement.Core.Parameters;
using ContinuousImprovement.Core.Review;
using ContinuousImprovement.Core.Storage;
using ContinuousImprovement.Core.Text;

namespace ContinuousImprovement.Core.Events;

/// <summary>
/// What starts each workflow of the product, defined once: the EventBridge rules the stack deploys and the twin
/// routes with (<see cref="Events"/>), and the schedule-started workflows (<see cref="Schedules"/>).
/// </summary>
/// <remarks>
/// <list type="bullet">
/// <item>Detection: S3 "Object Created" in the bucket under <see cref="BucketLayout.ImagesForDetection"/>.</item>
/// <item>Review filing: S3 "Object Created" under <see cref="BucketLayout.ReviewOutput"/> (A2I and the portal write
/// their output there), and A2I's status change for loops that end without such an output: Failed and Stopped (the
/// operator hears why), and Completed when the output is elsewhere or missing. A Completed loop whose output is under
/// the bucket's review_output/ is left to the S3 rule, so one review starts one filing (and one notification).
/// InProgress and Stopping announce nothing to do.</item>
/// <item>Parameter apply: "Parameter Store Change" for names under the prefix, with or without its leading '/'
/// (EventBridge's examples name parameters without it), for Create, Update and Delete. A Delete routes so the
/// workflow restores the value in force and tells the operator; LabelParameterVersion changes no value.</item>
/// <item>Training and audit sampling: schedules, re-timed through their operator parameters.</item>
/// </list>
/// </remarks>
public sealed class WorkflowTriggers
{
    public const string UploadsStartDetection = "UploadsStartDetection";
    public const string ReviewOutputStartsFiling = "ReviewOutputStartsFiling";
    public const string HumanLoopStatusStartsFiling = "HumanLoopStatusStartsFiling";
    public const string ParameterChangeStartsApply = "ParameterChangeStartsApply";

    /// <summary>The schedule name of the training check (the same as the parameter-apply handlers use).</summary>
    public const string TrainingSchedule = "training";

    /// <summary>The schedule name of audit sampling.</summary>
    public const string AuditSchedule = "audit";

    /// <summary>The schedule that checks for drift and mails the digest (the same name Handlers' ScheduleNames uses).</summary>
    public const string DigestSchedule = "digest";

    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private WorkflowTriggers(string bucketName, string parameterPrefix, string? flowDefinitionArn, IReadOnlyList<EventTrigger> events, IReadOnlyList<ScheduleTrigger> schedules)
    {
        BucketName = bucketName;
        ParameterPrefix = parameterPrefix;
        FlowDefinitionArn = flowDefinitionArn;
        Events = events;
        Schedules = schedules;
    }

    /// <summary>The Parameter Store operations that start parameter apply.</summary>
    public static IReadOnlyList<string> ParameterOperations { get; } = ["Create", "Update", "Delete"];

    public string BucketName { get; }

    public string ParameterPrefix { get; }

    /// <summary>When set, only this A2I flow definition's loops start filing (other flows in the account are not ours).</summary>
    public string? FlowDefinitionArn { get; }

    /// <summary>The event rules, in a stable order.</summary>
    public IReadOnlyList<EventTrigger> Events { get; }

    public IReadOnlyList<ScheduleTrigger> Schedules { get; }

    /// <summary>
    /// The triggers of a deployment. <paramref name="bucketName"/> goes into the patterns as given, so a CDK token
    /// for the bucket's name works too. <paramref name="parameterPrefix"/> is the catalog's, e.g.
    /// <c>/ContinuousImprovement/</c>: it must start and end with '/'.
    /// </summary>
    /// <exception cref="ArgumentException">The bucket name is blank or the prefix is not /…/.</exception>
    public static WorkflowTriggers For(string bucketName, string parameterPrefix, string? flowDefinitionArn = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(bucketName);
        ArgumentNullException.ThrowIfNull(parameterPrefix);
        if (parameterPrefix.Length < 3 || parameterPrefix[0] != '/' || parameterPrefix[^1] != '/')
        {
            throw new ArgumentException($"The parameter prefix must look like /Name/, found {Printable.Quote(parameterPrefix)}.", nameof(parameterPrefix));
        }

        if (flowDefinitionArn is not null && string.IsNullOrWhiteSpace(flowDefinitionArn))
        {
            throw new ArgumentException("The flow definition ARN, when given, must not be blank.", nameof(flowDefinitionArn));
        }

        EventTrigger[] events =
        [
            new(UploadsStartDetection, ProductWorkflow.Detection,
                $"A new object under {BucketLayout.ImagesForDetection} starts the detection workflow.",
                Compile(ObjectCreated(bucketName, BucketLayout.ImagesForDetection))),
            new(ReviewOutputStartsFiling, ProductWorkflow.ReviewFiling,
                $"A review output under {BucketLayout.ReviewOutput} starts the review-filing workflow.",
                Compile(ObjectCreated(bucketName, BucketLayout.ReviewOutput))),
            new(HumanLoopStatusStartsFiling, ProductWorkflow.ReviewFiling,
                $"An A2I human loop that failed, stopped, or completed without output under {BucketLayout.ReviewOutput} starts the review-filing workflow.",
                Compile(HumanLoopEnded(bucketName, flowDefinitionArn))),
            new(ParameterChangeStartsApply, ProductWorkflow.ParameterApply,
                $"A created, updated or deleted parameter under {parameterPrefix} starts the parameter-apply workflow.",
                Compile(ParameterChanged(parameterPrefix))),
        ];

        ScheduleTrigger[] schedules =
        [
            new(TrainingSchedule, ProductWorkflow.Training, "The training check runs on a schedule: it trains when enough new labels arrived.", ParametersApplying("training-schedule")),
            new(AuditSchedule, ProductWorkflow.AuditSampling, "Audit sampling runs on a schedule: some confident detections go to humans too.", ParametersApplying("audit-schedule")),
            new(DigestSchedule, ProductWorkflow.OperationsDigest, "The operations digest runs on a schedule: a drift check, then one mail with what waited in the digest.", ParametersApplying("digest-schedule")),
        ];

        return new WorkflowTriggers(bucketName, parameterPrefix, flowDefinitionArn, events, schedules);
    }

    /// <summary>The event rule with this name.</summary>
    /// <exception cref="KeyNotFoundException">No rule has that name.</exception>
    public EventTrigger Rule(string ruleName) =>
        Events.FirstOrDefault(t => t.RuleName == ruleName)
        ?? throw new KeyNotFoundException($"No event rule is named {Printable.Quote(ruleName)}; rules: {string.Join(", ", Events.Select(t => t.RuleName))}.");

    /// <summary>The rules whose patterns match the event, in <see cref="Events"/> order: what EventBridge would start.</summary>
    public IReadOnlyList<EventTrigger> Route(JsonElement eventRoot)
    {
        var matched = new List<EventTrigger>(1);
        foreach (var trigger in Events)
        {
            if (trigger.Pattern.Matches(eventRoot))
            {
                matched.Add(trigger);
            }
        }

        return matched;
    }

    /// <summary>As <see cref="Route(JsonElement)"/> for event text.</summary>
    /// <exception cref="ArgumentException">The text is not JSON.</exception>
    public IReadOnlyList<EventTrigger> Route(string eventJson)
    {
        ArgumentNullException.ThrowIfNull(eventJson);
        try
        {
            using var document = JsonDocument.Parse(eventJson);
            return Route(document.RootElement);
        }
        catch (JsonException e)
        {
            throw new ArgumentException($"The event is not valid JSON: {Printable.Line(e.Message, 200)}", nameof(eventJson), e);
        }
    }

    private static string ObjectCreated(string bucketName, string keyPrefix) => Write(writer =>
    {
        Strings(writer, "source", "aws.s3");
        Strings(writer, "detail-type", "Object Created");
        writer.WriteStartObject("detail");
        writer.WriteStartObject("bucket");
        Strings(writer, "name", bucketName);
        writer.WriteEndObject();
        writer.WriteStartObject("object");
        writer.WriteStartArray("key");
        Operator(writer, "prefix", keyPrefix);
        writer.WriteEndArray();
        writer.WriteEndObject();
        writer.WriteEndObject();
    });

    private static string HumanLoopEnded(string bucketName, string? flowDefinitionArn) => Write(writer =>
    {
        Strings(writer, "source", "aws.sagemaker");
        Strings(writer, "detail-type", HumanLoopStatusEvent.DetailType);
        writer.WriteStartObject("detail");
        if (flowDefinitionArn is not null)
        {
            Strings(writer, "flowDefinitionArn", flowDefinitionArn);
        }

        writer.WriteStartArray("$or");
        writer.WriteStartObject();
        Strings(writer, "humanLoopStatus", nameof(HumanLoopStatus.Failed), nameof(HumanLoopStatus.Stopped));
        writer.WriteEndObject();
        writer.WriteStartObject();
        Strings(writer, "humanLoopStatus", nameof(HumanLoopStatus.Completed));
        writer.WriteStartObject("humanLoopOutput");
        writer.WriteStartArray("outputS3Uri");
        writer.WriteStartObject();
        writer.WriteStartObject("anything-but");
        writer.WriteString("prefix", $"s3://{bucketName}/{BucketLayout.ReviewOutput}");
        writer.WriteEndObject();
        writer.WriteEndObject();
        writer.WriteStartObject();
        writer.WriteBoolean("exists", false);
        writer.WriteEndObject();
        writer.WriteEndArray();
        writer.WriteEndObject();
        writer.WriteEndObject();
        writer.WriteEndArray();
        writer.WriteEndObject();
    });

    // The workflows write the system parameter (operational state) under the same prefix many times a day; it is
    // not an operator's setting, so its changes start nothing. A field's list of matchers is an OR, so the exclusion
    // sits on another field: the parameter's ARN, which ends with its name.
    private static string ParameterChanged(string parameterPrefix) => Write(writer =>
    {
        Strings(writer, "source", "aws.ssm");
        Strings(writer, "detail-type", "Parameter Store Change");
        writer.WriteStartArray("resources");
        writer.WriteStartObject();
        writer.WriteStartObject("anything-but");
        writer.WriteString("suffix", ":parameter" + parameterPrefix + ParameterCatalog.Default.SystemParameter.Name);
        writer.WriteEndObject();
        writer.WriteEndObject();
        writer.WriteEndArray();
        writer.WriteStartObject("detail");
        writer.WriteStartArray("name");
        Operator(writer, "prefix", parameterPrefix);
        Operator(writer, "prefix", parameterPrefix[1..]);
        writer.WriteEndArray();
        Strings(writer, "operation", [.. ParameterOperations]);
        writer.WriteEndObject();
    });

    private static IReadOnlyList<string> ParametersApplying(string applies) =>
        [.. ParameterCatalog.Default.Parameters.Where(p => p.Applies == applies).Select(p => p.Name)];

    private static EventPattern Compile(string json)
    {
        var parsed = EventPattern.Parse(json);
        return parsed.Succeeded ? parsed.Pattern : throw new InvalidOperationException($"A product rule's pattern does not compile: {parsed.Error}");
    }

    private static string Write(Action<Utf8JsonWriter> body)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer, WriterOptions))
        {
            writer.WriteStartObject();
            body(writer);
            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    private static void Strings(Utf8JsonWriter writer, string name, params string[] values)
    {
        writer.WriteStartArray(name);
        foreach (var value in values)
        {
            writer.WriteStringValue(value);
        }

        writer.WriteEndArray();
    }

    private static void Operator(Utf8JsonWriter writer, string name, string value)
    {
        writer.WriteStartObject();
        writer.WriteString(name, value);
        writer.WriteEndObject();
    }
}
