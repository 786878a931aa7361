using System.Text.Json;
using ContinuousImprovement.Core.Filing;
using ContinuousImprovement.Core.Storage;
using ContinuousImprovement.Handlers.Contracts;
using ContinuousImprovement.Handlers.Invocation;
using ContinuousImprovement.Handlers.Notifications;
using ContinuousImprovement.Core.Text;

namespace ContinuousImprovement.Handlers.Detection;

/// <summary>
/// An upload the model cannot read (corrupt, not really an image) is copied to <c>quarantine/&lt;original key&gt;</c>
/// with the reason in its metadata; the upload itself is never moved or deleted. The copy is create-only: a
/// re-delivered event finds its own copy there and says nothing new; an earlier bad upload of the same key
/// keeps its copy, and this one is reported as left at its key.
/// </summary>
public sealed class QuarantineImage(Ports ports) : IHandler<QuarantineRequest, DetectionOutcome>
{
    public const string ReasonMetadata = "quarantine-reason";
    public const string SourceETagMetadata = "quarantined-etag";
    public const string SourceVersionMetadata = "quarantined-version-id";

    // S3 user metadata is ASCII and at most 2 KB in all.
    private const int MaxReasonChars = 1024;

    public async ValueTask<DetectionOutcome> HandleAsync(QuarantineRequest request, CancellationToken cancellationToken)
    {
        var image = request.Image.ToS3();
        var destination = BucketLayout.Quarantine + image.Key;
        var location = S3Uri.Format(image.Bucket, destination);
        var source = await ports.Objects.HeadAsync(image.Bucket, image.Key, cancellationToken).ConfigureAwait(false);
        var metadata = new Dictionary<string, string>(source?.Metadata ?? new Dictionary<string, string>(), StringComparer.Ordinal)
        {
            [ReasonMetadata] = Ascii(request.Reason),
            [SourceETagMetadata] = ETags.Normalize(image.ETag),
            [SourceVersionMetadata] = image.VersionId ?? "",
        };

        var copy = await ports.Objects.CopyIfAbsentAsync(image, destination, metadata, cancellationToken).ConfigureAwait(false);
        if (copy is not null)
        {
            return Quarantined(image, request.Reason, location, $"a copy is kept at {Printable.Quote(location, maxChars: 120)} with the reason in its metadata");
        }

        var existing = await ports.Objects.HeadAsync(image.Bucket, destination, cancellationToken).ConfigureAwait(false);
        if (existing is not null && ETags.Same(existing.Metadata.GetValueOrDefault(SourceETagMetadata), image.ETag))
        {
            return new DetectionOutcome(DetectionStatus.Quarantined, $"already quarantined at {Printable.Quote(location, maxChars: 120)}", false, null, [], location, null);
        }

        return Quarantined(image, request.Reason, location, $"{Printable.Quote(location, maxChars: 120)} already holds an earlier bad upload of this key, so no copy was made");
    }

    private static DetectionOutcome Quarantined(S3ObjectRef image, string reason, string location, string kept)
    {
        var notification = new NotificationText(
            NotificationKinds.ImageQuarantined,
            $"Image quarantined: {Printable.Quote(image.FileName, maxChars: 120)}",
            $"{Printable.Quote(image.Uri, maxChars: 120)} could not be processed ({Printable.Line(reason)}). {Capitalized(kept)}; the upload itself stays where it is.");
        return new DetectionOutcome(DetectionStatus.Quarantined, $"quarantined: {kept}", false, null, [], location, notification);
    }

    // JSON escaping keeps every character of the reason readable in ASCII-only metadata.
    private static string Ascii(string text)
    {
        var escaped = JsonEncodedText.Encode(text).ToString();
        return escaped.Length <= MaxReasonChars ? escaped : escaped[..MaxReasonChars] + "...";
    }

    private static string Capitalized(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];
}
