using System.Text.Json;
using ContinuousImprovement.Core.Storage;

namespace ContinuousImprovement.Core.Events;

/// <summary>
/// Reads both shapes S3 announces new objects in: the EventBridge "Object Created" event (one object,
/// under <c>detail</c>) and the classic notification (<c>Records[]</c>, also what SNS/SQS forward).
/// Other S3 events (deletes, restores, the configuration test event) are ignored with a reason.
/// </summary>
public static class S3EventParser
{
    public static S3EventParseResult Parse(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        try
        {
            using var document = JsonDocument.Parse(json);
            return Parse(document.RootElement);
        }
        catch (JsonException e)
        {
            return S3EventParseResult.Failed($"The event is not valid JSON: {e.Message}");
        }
    }

    public static S3EventParseResult Parse(JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            return S3EventParseResult.Failed($"The event is a JSON {root.ValueKind}, not an object.");
        }

        if (root.TryGetProperty("detail-type", out var detailType))
        {
            return ParseEventBridge(root, detailType.ToString());
        }

        if (root.TryGetProperty("Records", out var records))
        {
            return ParseNotification(records);
        }

        if (Text(root, "Event") == "s3:TestEvent")
        {
            return new S3EventParseResult([], [new IgnoredEvent("s3:TestEvent", "S3 sends this test event when notifications are configured")], null);
        }

        return S3EventParseResult.Failed("The event has neither 'detail-type' (EventBridge) nor 'Records' (S3 notification).");
    }

    private static S3EventParseResult ParseEventBridge(JsonElement root, string detailType)
    {
        if (Text(root, "source") != "aws.s3")
        {
            return S3EventParseResult.Failed($"The EventBridge event comes from '{Text(root, "source")}', not aws.s3.");
        }

        if (detailType != "Object Created")
        {
            return new S3EventParseResult([], [new IgnoredEvent(detailType, "only 'Object Created' events start work")], null);
        }

        if (!root.TryGetProperty("detail", out var detail) || detail.ValueKind != JsonValueKind.Object)
        {
            return S3EventParseResult.Failed("The 'Object Created' event has no detail object.");
        }

        var bucket = Text(detail, "bucket", "name");
        var key = Text(detail, "object", "key");
        if (string.IsNullOrEmpty(bucket) || key is null)
        {
            return S3EventParseResult.Failed("The 'Object Created' event has no detail.bucket.name or detail.object.key.");
        }

        var objectRef = new S3ObjectRef(bucket, S3KeyEncoding.Decode(key), Text(detail, "object", "version-id"), Text(detail, "object", "etag"));
        return new S3EventParseResult([new S3ObjectEvent(objectRef, Size(detail, "object", "size"), Text(detail, "reason") ?? detailType)], [], null);
    }

    private static S3EventParseResult ParseNotification(JsonElement records)
    {
        if (records.ValueKind != JsonValueKind.Array)
        {
            return S3EventParseResult.Failed("The notification's 'Records' is not an array.");
        }

        var objects = new List<S3ObjectEvent>();
        var ignored = new List<IgnoredEvent>();
        var index = 0;
        foreach (var record in records.EnumerateArray())
        {
            var what = $"Records[{index++}]";
            var eventName = record.ValueKind == JsonValueKind.Object ? Text(record, "eventName") : null;
            if (eventName is null)
            {
                ignored.Add(new IgnoredEvent(what, "the record has no eventName"));
                continue;
            }

            if (!eventName.StartsWith("ObjectCreated:", StringComparison.Ordinal))
            {
                ignored.Add(new IgnoredEvent($"{what} {eventName}", "only ObjectCreated events start work"));
                continue;
            }

            var bucket = Text(record, "s3", "bucket", "name");
            var key = Text(record, "s3", "object", "key");
            if (string.IsNullOrEmpty(bucket) || key is null)
            {
                ignored.Add(new IgnoredEvent($"{what} {eventName}", "the record has no s3.bucket.name or s3.object.key"));
                continue;
            }

            var objectRef = new S3ObjectRef(bucket, S3KeyEncoding.Decode(key), Text(record, "s3", "object", "versionId"), Text(record, "s3", "object", "eTag"));
            objects.Add(new S3ObjectEvent(objectRef, Size(record, "s3", "object", "size"), eventName));
        }

        return new S3EventParseResult(objects, ignored, null);
    }

    private static string? Text(JsonElement element, params string[] path) =>
        Walk(element, path) is { ValueKind: JsonValueKind.String } value ? value.GetString() : null;

    private static long? Size(JsonElement element, params string[] path) =>
        Walk(element, path) is { ValueKind: JsonValueKind.Number } value && value.TryGetInt64(out var size) ? size : null;

    private static JsonElement? Walk(JsonElement element, string[] path)
    {
        foreach (var name in path)
        {
            if (element.ValueKind != JsonValueKind.Object || !element.TryGetProperty(name, out element))
            {
                return null;
            }
        }

        return element;
    }
}
