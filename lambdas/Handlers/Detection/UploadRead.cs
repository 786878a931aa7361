using ContinuousImprovement.Core.Storage;
using ContinuousImprovement.Handlers.Contracts;

namespace ContinuousImprovement.Handlers.Detection;

/// <summary>
/// The upload an event announces: taken (an image for detection, with the label the uploader claims, if any),
/// or not ours with the reason, which ends the execution successfully.
/// </summary>
public sealed record UploadRead(bool Taken, string? Reason, ImageRef? Image, string? ClaimedLabel)
{
    public static UploadRead Take(S3ObjectRef image, string? claimedLabel) => new(true, null, ImageRef.From(image), claimedLabel);

    public static UploadRead NotOurs(string reason, S3ObjectRef? image = null) =>
        new(false, reason, image is null ? null : ImageRef.From(image), null);
}
