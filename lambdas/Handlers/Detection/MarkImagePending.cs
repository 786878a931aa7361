using System.Text.Json;
using ContinuousImprovement.Core.Storage;
using ContinuousImprovement.Handlers.Contracts;
using ContinuousImprovement.Handlers.Invocation;
using ContinuousImprovement.Handlers.Notifications;
using ContinuousImprovement.Core.Text;

namespace ContinuousImprovement.Handlers.Detection;

/// <summary>
/// No model serves: the image is not dropped but marked pending (see <see cref="PendingImages"/>), so the pass
/// run once a model serves detects it. Marking twice (a re-delivered event) keeps the first marker and says
/// nothing new.
/// </summary>
public sealed class MarkImagePending(Ports ports) : IHandler<ImageRequest, DetectionOutcome>
{
    private const string Reason = "no model version was serving when it arrived";

    public async ValueTask<DetectionOutcome> HandleAsync(ImageRequest request, CancellationToken cancellationToken)
    {
        var image = request.Image.ToS3();
        var markerKey = PendingImages.MarkerKey(image);
        var marker = JsonSerializer.SerializeToUtf8Bytes(new PendingMarker(request.Image, ports.Time.GetUtcNow(), Reason), DetectionJsonContext.Default.PendingMarker);
        var created = await ports.Objects.PutIfAbsentAsync(image.Bucket, markerKey, marker, "application/json", null, cancellationToken).ConfigureAwait(false);

        var location = S3Uri.Format(image.Bucket, markerKey);
        var summary = created is null
            ? $"already pending: {Printable.Quote(location, maxChars: 120)} marks it"
            : $"pending: {Reason}; marked at {Printable.Quote(location, maxChars: 120)}";
        var notification = created is null ? null : new NotificationText(
            NotificationKinds.ImagePending,
            $"Image pending: {Printable.Quote(image.FileName, maxChars: 120)}",
            $"{Printable.Quote(image.Uri, maxChars: 120)} was not detected because {Reason}. It stays where it is; the marker {Printable.Quote(location, maxChars: 120)} "
            + "lists it for detection once a model version serves.");
        return new DetectionOutcome(DetectionStatus.Pending, summary, false, null, [], location, notification);
    }
}
