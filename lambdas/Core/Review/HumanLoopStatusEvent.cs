using ContinuousImprovement.Core.Text;
using System.Text.Json;

using ContinuousImprovement.Core.Filing;
using ContinuousImprovement.Core.Storage;

namespace ContinuousImprovement.Core.Review;

/// <summary>
/// The EventBridge event "SageMaker A2I HumanLoop Status Change" (source aws.sagemaker). <paramref name="OutputS3Uri"/>
/// is where the loop's output document is, null when the event has no <c>humanLoopOutput</c> (failed loops).
/// </summary>
public sealed record HumanLoopStatusEvent(
    string HumanLoopName,
    string HumanLoopArn,
    HumanLoopStatus Status,
    string? FailureCode,
    string? FailureReason,
    S3ObjectRef? OutputS3Uri,
    string? FlowDefinitionArn)
{
    public const string DetailType = "SageMaker A2I HumanLoop Status Change";

    private const string What = "human loop status event";

    /// <summary>
    /// Parses the event; errors for another detail-type, a missing <c>detail</c>, <c>humanLoopName</c> or
    /// <c>humanLoopArn</c>, a status outside <see cref="HumanLoopStatus"/> (named in the error, compared
    /// case-sensitively as A2I writes it), or an <c>outputS3Uri</c> that is not an s3:// object URI.
    /// The source is not checked: EventBridge rules already match it, and a test harness may replay the event
    /// under its own source.
    /// </summary>
    public static ReviewParseResult<HumanLoopStatusEvent> Parse(string json) => JsonInput.Parse(json, What, Read);

    public static ReviewParseResult<HumanLoopStatusEvent> Parse(ReadOnlySpan<byte> utf8Json) => JsonInput.Parse(utf8Json, What, Read);

    private static ReviewParseResult<HumanLoopStatusEvent> Read(JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            return Fail($"{What} must be a JSON object, found {JsonInput.Describe(root.ValueKind)}");
        }

        var detailType = JsonInput.OptionalString(root, "detail-type");
        if (detailType != DetailType)
        {
            return Fail($"detail-type must be \"{DetailType}\", found {Printable.Quote(detailType)}");
        }

        if (!JsonInput.TryGet(root, "detail", out var detail) || detail.ValueKind != JsonValueKind.Object)
        {
            return Fail("detail must be an object");
        }

        var name = JsonInput.OptionalString(detail, "humanLoopName");
        if (string.IsNullOrWhiteSpace(name))
        {
            return Fail("detail.humanLoopName must be a non-empty string");
        }

        var arn = JsonInput.OptionalString(detail, "humanLoopArn");
        if (string.IsNullOrWhiteSpace(arn))
        {
            return Fail($"detail.humanLoopArn must be a non-empty string (loop {Printable.Quote(name)})");
        }

        var statusText = JsonInput.OptionalString(detail, "humanLoopStatus");
        if (!TryParseStatus(statusText, out var status))
        {
            return Fail($"detail.humanLoopStatus {Printable.Quote(statusText)} is not one of "
                + $"{string.Join(", ", Enum.GetNames<HumanLoopStatus>())} (loop {Printable.Quote(name)})");
        }

        S3ObjectRef? output = null;
        if (JsonInput.TryGet(detail, "humanLoopOutput", out var outputElement))
        {
            if (outputElement.ValueKind != JsonValueKind.Object)
            {
                return Fail($"detail.humanLoopOutput must be an object, found {JsonInput.Describe(outputElement.ValueKind)}");
            }

            if (JsonInput.TryGet(outputElement, "outputS3Uri", out var uri))
            {
                if (uri.ValueKind != JsonValueKind.String || !S3Uri.TryParse(uri.GetString(), out var parsed))
                {
                    return Fail($"detail.humanLoopOutput.outputS3Uri must be an s3://bucket/key URI, found "
                        + (uri.ValueKind == JsonValueKind.String ? Printable.Quote(uri.GetString()) : JsonInput.Describe(uri.ValueKind)));
                }

                output = parsed;
            }
        }

        return ReviewParseResults.Ok(new HumanLoopStatusEvent(
            name,
            arn,
            status,
            JsonInput.OptionalString(detail, "failureCode"),
            JsonInput.OptionalString(detail, "failureReason"),
            output,
            JsonInput.OptionalString(detail, "flowDefinitionArn")));
    }

    private static bool TryParseStatus(string? text, out HumanLoopStatus status)
    {
        status = text switch
        {
            "InProgress" => HumanLoopStatus.InProgress,
            "Completed" => HumanLoopStatus.Completed,
            "Failed" => HumanLoopStatus.Failed,
            "Stopping" => HumanLoopStatus.Stopping,
            "Stopped" => HumanLoopStatus.Stopped,
            _ => (HumanLoopStatus)(-1),
        };
        return Enum.IsDefined(status);
    }

    private static ReviewParseResult<HumanLoopStatusEvent> Fail(string error) => ReviewParseResults.Fail<HumanLoopStatusEvent>(error);
}
