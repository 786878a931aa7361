using System.Text.Json;
using ContinuousImprovement.Core.Events;
using ContinuousImprovement.Core.Filing;
using ContinuousImprovement.Core.Ports;
using ContinuousImprovement.Handlers.Invocation;
using ContinuousImprovement.Core.Text;

namespace ContinuousImprovement.Handlers.Detection;

/// <summary>
/// Reads the S3 "Object Created" event: decodes the key, keeps only images under images_for_detection/
/// that still exist as the event describes them, and picks up the label the uploader claims (user metadata
/// <c>claimed-label</c>). Anything else is not ours, with the reason.
/// </summary>
public sealed class ReadUpload(Ports ports) : IHandler<JsonElement, UploadRead>
{
    /// <summary>User metadata (x-amz-meta-claimed-label) naming the label the uploader says the image shows.</summary>
    public const string ClaimedLabelMetadata = "claimed-label";

    public async ValueTask<UploadRead> HandleAsync(JsonElement request, CancellationToken cancellationToken)
    {
        var parsed = S3EventParser.Parse(request);
        if (parsed.Error is { } error)
        {
            throw new HandlerException(HandlerErrors.InvalidInput, error);
        }

        if (parsed.Objects.Count == 0)
        {
            return UploadRead.NotOurs(string.Join("; ", parsed.Ignored.Select(i => $"{i.What}: {i.Reason}")));
        }

        if (parsed.Objects.Count > 1)
        {
            throw new HandlerException(HandlerErrors.InvalidInput, $"The event announces {parsed.Objects.Count} objects; a detection execution takes one, as EventBridge sends them.");
        }

        var upload = parsed.Objects[0].Object;
        if (UploadIntake.WhyIgnored(upload) is { } why)
        {
            return UploadRead.NotOurs(why, upload);
        }

        var stored = await ports.Objects.HeadAsync(upload.Bucket, upload.Key, cancellationToken).ConfigureAwait(false);
        if (stored is null)
        {
            return UploadRead.NotOurs($"{Printable.Quote(upload.Uri, maxChars: 120)} no longer exists: it was deleted before it could be detected", upload);
        }

        // A newer upload of the same key has its own event; detecting it here too would review it twice.
        if (ETags.Normalize(upload.ETag).Length > 0 && !ETags.Same(upload.ETag, stored.Ref.ETag))
        {
            return UploadRead.NotOurs($"{Printable.Quote(upload.Uri, maxChars: 120)} was replaced by a newer upload (ETag {ETags.Normalize(stored.Ref.ETag)}, not {ETags.Normalize(upload.ETag)}), which its own event detects", upload);
        }

        var image = upload with { VersionId = upload.VersionId ?? stored.Ref.VersionId, ETag = upload.ETag ?? stored.Ref.ETag };
        return UploadRead.Take(image, ClaimedLabel(stored));
    }

    private static string? ClaimedLabel(StoredObject stored) =>
        stored.Metadata.FirstOrDefault(m => string.Equals(m.Key, ClaimedLabelMetadata, StringComparison.OrdinalIgnoreCase)).Value is { Length: > 0 } claimed
            ? claimed
            : null;
}
