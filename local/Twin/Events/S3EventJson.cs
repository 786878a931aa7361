using System.Globalization;
using System.Text.Json;
using ContinuousImprovement.Core.Events;
using ContinuousImprovement.Core.Ports;

namespace ContinuousImprovement.Local.Twin.Events;

/// <summary>
/// The EventBridge "Object Created" event S3 sends for a stored object, in the documented shape (key URL-encoded,
/// as S3 sends it), so the twin's workflows parse exactly what they parse on AWS.
/// </summary>
public static class S3EventJson
{
    public static string ObjectCreated(StoredObject stored, string reason, DateTimeOffset at, long sequence)
    {
        ArgumentNullException.ThrowIfNull(stored);
        return TwinEventJson.Write("Object Created", "aws.s3", at, [$"arn:aws:s3:::{stored.Ref.Bucket}"], detail =>
        {
            detail.WriteString("version", "0");
            detail.WriteStartObject("bucket");
            detail.WriteString("name", stored.Ref.Bucket);
            detail.WriteEndObject();
            detail.WriteStartObject("object");
            detail.WriteString("key", S3KeyEncoding.Encode(stored.Ref.Key));
            detail.WriteNumber("size", stored.Size);
            if (stored.Ref.ETag is { } etag)
            {
                detail.WriteString("etag", etag);
            }

            if (stored.Ref.VersionId is { } version)
            {
                detail.WriteString("version-id", version);
            }

            // S3's sequencer orders events for one key; a hex counter keeps that property.
            detail.WriteString("sequencer", sequence.ToString("X16", CultureInfo.InvariantCulture));
            detail.WriteEndObject();
            detail.WriteString("request-id", Guid.NewGuid().ToString("N")[..16].ToUpperInvariant());
            detail.WriteString("requester", TwinEventJson.Account);
            detail.WriteString("source-ip-address", "127.0.0.1");
            detail.WriteString("reason", reason);
        });
    }
}
