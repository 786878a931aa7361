using ContinuousImprovement.Asl.Json;

namespace ContinuousImprovement.Asl.Tasks;

/// <summary>
/// The optimized <c>arn:aws:states:::sns:publish</c> integration on the local engine: the state's Parameters in
/// Publish's shape (TopicArn or TargetArn, Message or <c>Message.$</c>, Subject, MessageAttributes) are checked
/// as Step Functions checks them when the definition loads (field names, one target, a message) and as SNS checks
/// them when the state runs, handed to a sink, and the task returns what Step Functions returns from Publish:
/// <c>{"MessageId":…,"SdkHttpMetadata":{…},"SdkResponseMetadata":{…}}</c>.
/// </summary>
public sealed class SnsPublishIntegration : ITaskHandler, IParameterChecked
{
    public const string Resource = "arn:aws:states:::sns:publish";

    /// <summary>SNS's limit for a subject.</summary>
    public const int MaxSubjectChars = 100;

    private const string InvalidParameter = "SNS.InvalidParameterException";

    private static readonly HashSet<string> KnownFields = new(StringComparer.Ordinal)
    {
        "TopicArn", "TargetArn", "PhoneNumber", "Message", "Subject", "MessageAttributes", "MessageStructure", "MessageGroupId", "MessageDeduplicationId",
    };

    private static readonly string[] Targets = ["TopicArn", "TargetArn", "PhoneNumber"];

    private readonly ISnsPublishSink sink;
    private readonly Func<string> newMessageId;

    /// <param name="sink">Receives every message published.</param>
    /// <param name="newMessageId">Makes MessageIds (default: a random UUID, as SNS's are); tests pass a fixed sequence.</param>
    public SnsPublishIntegration(ISnsPublishSink sink, Func<string>? newMessageId = null)
    {
        this.sink = sink ?? throw new ArgumentNullException(nameof(sink));
        this.newMessageId = newMessageId ?? (() => Guid.NewGuid().ToString());
    }

    /// <summary>Registers the integration under <see cref="Resource"/>.</summary>
    public TaskRegistry AddTo(TaskRegistry registry)
    {
        ArgumentNullException.ThrowIfNull(registry);
        return registry.AddResource(Resource, this);
    }

    /// <summary>What Step Functions refuses when the definition is created: a field Publish does not take, no target, no message.</summary>
    public string? WhyRefused(JsonObject? parameters)
    {
        if (parameters is null)
        {
            return "sns:publish needs Parameters with TopicArn and Message";
        }

        var fields = parameters.Select(m => m.Key.EndsWith(".$", StringComparison.Ordinal) ? m.Key[..^2] : m.Key).ToList();
        if (fields.FirstOrDefault(f => !KnownFields.Contains(f)) is { } unknown)
        {
            return $"sns:publish does not take the field '{unknown}' (Publish takes {string.Join(", ", KnownFields)})";
        }

        var targets = fields.Count(Targets.Contains);
        return targets != 1 ? $"sns:publish needs exactly one of {string.Join(", ", Targets)}, not {targets}"
            : !fields.Contains("Message") ? "sns:publish needs a Message (or Message.$)"
            : null;
    }

    public async ValueTask<TaskResult> InvokeAsync(TaskInvocation invocation, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(invocation);
        if (!TryRead(invocation, out var message, out var failure))
        {
            return failure;
        }

        try
        {
            await sink.PublishAsync(message, cancellationToken).ConfigureAwait(false);
        }
        catch (AwsSdkException e)
        {
            return TaskResult.Failure(e.ErrorName("SNS"), e.Message);
        }

        return new JsonObject.Builder(3)
            .Set("MessageId", JsonValue.From(message.MessageId))
            .Set("SdkHttpMetadata", new JsonObject.Builder(1).Set("HttpStatusCode", JsonValue.From(200)).Build())
            .Set("SdkResponseMetadata", new JsonObject.Builder(1).Set("RequestId", JsonValue.From("local-" + message.MessageId)).Build())
            .Build();
    }

    private bool TryRead(TaskInvocation invocation, out SnsMessage message, out TaskResult failure)
    {
        message = null!;
        failure = default;
        var state = invocation.StateName;
        if (invocation.Input is not JsonObject parameters)
        {
            failure = TaskResult.Failure(StatesErrors.Runtime, $"State '{state}' passes {invocation.Input.Kind} to sns:publish; its Parameters must be an object with TopicArn and Message.");
            return false;
        }

        if (parameters.Select(m => m.Key).FirstOrDefault(k => !KnownFields.Contains(k)) is { } unknown)
        {
            failure = TaskResult.Failure(StatesErrors.Runtime, $"State '{state}' passes the field '{unknown}' to sns:publish, which Publish does not take.");
            return false;
        }

        if (parameters.ContainsKey("PhoneNumber"))
        {
            failure = TaskResult.Failure(InvalidParameter, $"Invalid parameter: PhoneNumber (state '{state}'): this engine's notifications go to a topic; it sends no SMS.");
            return false;
        }

        var topic = (parameters["TopicArn"] ?? parameters["TargetArn"]) as JsonString;
        if (topic is null || !topic.Value.StartsWith("arn:", StringComparison.Ordinal))
        {
            failure = TaskResult.Failure(InvalidParameter, $"Invalid parameter: TopicArn (state '{state}' gives {Describe(parameters["TopicArn"] ?? parameters["TargetArn"])}).");
            return false;
        }

        var text = parameters["Message"] switch
        {
            null or JsonNull => null,
            JsonString s => s.Value,

            // Step Functions passes a JSON Message on as its text, so "Message.$": "$" publishes the state's input.
            var value => value.ToJson(),
        };
        if (string.IsNullOrEmpty(text))
        {
            failure = TaskResult.Failure(InvalidParameter, $"Invalid parameter: Empty message (state '{state}').");
            return false;
        }

        string? subject = null;
        if (parameters["Subject"] is { } subjectValue and not JsonNull)
        {
            if (subjectValue is not JsonString { Value: var s } || s.Length == 0 || s.Length > MaxSubjectChars || char.IsWhiteSpace(s[0]) || s.Any(char.IsControl))
            {
                failure = TaskResult.Failure(InvalidParameter, $"Invalid parameter: Subject (state '{state}' gives {Describe(subjectValue)}; a subject has 1 to {MaxSubjectChars} characters, no line breaks or control characters, and does not start with whitespace).");
                return false;
            }

            subject = s;
        }

        if (!TryReadAttributes(parameters["MessageAttributes"], state, out var attributes, out failure))
        {
            return false;
        }

        message = new SnsMessage(topic.Value, text, subject, attributes, newMessageId());
        return true;
    }

    private static bool TryReadAttributes(JsonValue? value, string state, out IReadOnlyDictionary<string, SnsAttributeValue> attributes, out TaskResult failure)
    {
        failure = default;
        var read = new Dictionary<string, SnsAttributeValue>(StringComparer.Ordinal);
        attributes = read;
        if (value is null or JsonNull)
        {
            return true;
        }

        if (value is not JsonObject members)
        {
            failure = TaskResult.Failure(InvalidParameter, $"Invalid parameter: MessageAttributes (state '{state}' gives {Describe(value)}, not an object).");
            return false;
        }

        foreach (var (name, attribute) in members)
        {
            if (attribute is not JsonObject fields
                || fields["DataType"] is not JsonString { Value.Length: > 0 } dataType
                || (fields["StringValue"] is not JsonString && fields["BinaryValue"] is not JsonString))
            {
                failure = TaskResult.Failure(InvalidParameter, $"Invalid parameter: MessageAttributes['{name}'] (state '{state}'): an attribute needs a DataType and a StringValue or BinaryValue string.");
                return false;
            }

            read[name] = new SnsAttributeValue(dataType.Value, (fields["StringValue"] as JsonString)?.Value, (fields["BinaryValue"] as JsonString)?.Value);
        }

        return true;
    }

    private static string Describe(JsonValue? value)
    {
        if (value is null)
        {
            return "nothing";
        }

        var json = value.ToJson();
        return json.Length <= 80 ? json : json[..80] + "…";
    }
}
