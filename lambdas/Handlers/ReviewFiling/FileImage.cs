using ContinuousImprovement.Core.Filing;
using ContinuousImprovement.Core.Ports;
using ContinuousImprovement.Core.Storage;
using ContinuousImprovement.Core.Text;
using ContinuousImprovement.Handlers.Invocation;
using ContinuousImprovement.Handlers.Settings;

namespace ContinuousImprovement.Handlers.ReviewFiling;

/// <summary>
/// Copies the reviewed image into <c>images_labeled_by_folder/&lt;folder&gt;/</c> for each agreed label
/// (<see cref="LabelFiling"/>), create-only, so the same review filed twice makes one copy and an existing
/// object is never overwritten. Every label is checked before anything is copied: one refused label files
/// nothing. The original upload is never moved or deleted.
/// </summary>
public sealed class FileImage(Ports ports) : IHandler<FileImageRequest, FilingResult>
{
    /// <summary>Metadata on each copy: the source's ETag, which tells a re-filing apart from another upload of the same name.</summary>
    public const string SourceETagMetadata = "filed-etag";
    public const string HumanLoopMetadata = "human-loop-name";

    // Another filing may take the chosen key between the check and the copy; then choose again.
    private const int MaxRaces = 3;

    public async ValueTask<FilingResult> HandleAsync(FileImageRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var rejects = SettingsSnapshot.Read(ports.Catalog, request.Settings).Review.RejectLabels;
        var requested = request.Image.ToS3();
        // A label Core refuses is refused whether or not the image still exists, and before any I/O.
        foreach (var label in request.Labels)
        {
            if (LabelFiling.WhyRefused(label, rejects) is { } refused)
            {
                return new FilingResult(FilingStatus.Refused, [], refused);
            }
        }

        // The output names the image by URI only; its ETag is what makes re-filing recognisable.
        var source = await ports.Objects.HeadAsync(requested.Bucket, requested.Key, cancellationToken).ConfigureAwait(false);
        if (source is null)
        {
            return new FilingResult(FilingStatus.NotFiled, [], $"the reviewed image {Printable.Quote(requested.Uri, maxChars: 120)} no longer exists, so nothing was filed");
        }

        var image = source.Ref;
        var plans = new List<FilingPlan>();
        foreach (var label in request.Labels)
        {
            if (!LabelFiling.TryPlan(image, label, rejects, out var plan, out var error))
            {
                return new FilingResult(FilingStatus.Refused, [], error);
            }

            plans.Add(plan);
        }

        var keys = new List<string>();
        var filedNow = false;
        foreach (var plan in plans)
        {
            var (key, isNew) = await FileOneAsync(plan, request.HumanLoopName, cancellationToken).ConfigureAwait(false);
            if (key is null)
            {
                return new FilingResult(FilingStatus.NotFiled, keys, $"every key for {Printable.Quote(plan.Label)} under {BucketLayout.LabeledImages}{plan.Folder}/ holds another object; an operator must look");
            }

            keys.Add(S3Uri.Format(image.Bucket, key));
            filedNow |= isNew;
        }

        return filedNow
            ? new FilingResult(FilingStatus.Filed, keys, $"filed at {string.Join(", ", keys.Select(k => Printable.Quote(k, maxChars: 160)))}")
            : new FilingResult(FilingStatus.AlreadyFiled, keys, $"already filed at {string.Join(", ", keys.Select(k => Printable.Quote(k, maxChars: 160)))}");
    }

    private async Task<(string? Key, bool IsNew)> FileOneAsync(FilingPlan plan, string humanLoopName, CancellationToken cancellationToken)
    {
        var metadata = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            [SourceETagMetadata] = ETags.Normalize(plan.Image.ETag),
            [HumanLoopMetadata] = humanLoopName,
        };
        for (var attempt = 0; attempt < MaxRaces; attempt++)
        {
            var existing = await ExistingAsync(plan, cancellationToken).ConfigureAwait(false);
            switch (plan.Choose(key => existing.GetValueOrDefault(key)))
            {
                case FilingDecision.AlreadyFiled already:
                    return (already.Key, false);
                case FilingDecision.FileTo fileTo:
                    if (await ports.Objects.CopyIfAbsentAsync(plan.Image, fileTo.Key, metadata, cancellationToken).ConfigureAwait(false) is not null)
                    {
                        return (fileTo.Key, true);
                    }

                    break;
                default:
                    return (null, false);
            }
        }

        throw new PortException(PortFailure.Conflict, $"{Printable.Quote(plan.Label)}: the chosen key was taken {MaxRaces} times in a row by other filings.");
    }

    /// <summary>The ETag of each candidate, in order, up to the first free key (the source ETag recorded on a copy wins).</summary>
    private async Task<Dictionary<string, string?>> ExistingAsync(FilingPlan plan, CancellationToken cancellationToken)
    {
        var existing = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (var key in plan.CandidateKeys)
        {
            var head = await ports.Objects.HeadAsync(plan.Image.Bucket, key, cancellationToken).ConfigureAwait(false);
            existing[key] = head is null ? null : head.Metadata.GetValueOrDefault(SourceETagMetadata) ?? head.Ref.ETag ?? "";
            if (head is null || ETags.Same(existing[key], plan.Image.ETag))
            {
                break;
            }
        }

        return existing;
    }
}
