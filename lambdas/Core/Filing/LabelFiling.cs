using ContinuousImprovement.Core.Text;
using System.Diagnostics.CodeAnalysis;
using System.Text;

using ContinuousImprovement.Core.Review;
using ContinuousImprovement.Core.Storage;

namespace ContinuousImprovement.Core.Filing;

/// <summary>
/// Files a human-labeled image as a copy under <c>images_labeled_by_folder/&lt;folder&gt;/&lt;file&gt;</c>.
/// An existing object is never overwritten, and filing the same review twice does not make a second copy.
/// The original upload is never moved or deleted.
/// </summary>
public static class LabelFiling
{
    /// <summary>S3's limit on a key, in UTF-8 bytes.</summary>
    public const int MaxKeyBytes = 1024;

    /// <summary>How many numbered variants follow the hashed name (<c>-2</c> … <c>-9</c>).</summary>
    public const int NumberedVariants = 8;

    private const int HashHexChars = 12;
    private const int DerivedNameHashHexChars = 16;
    private const int MaxKeptExtensionLength = 16;

    /// <summary>
    /// Plans the filing of <paramref name="image"/> under <paramref name="label"/>, or false with the error
    /// <see cref="WhyRefused"/> gives when the label may not be filed as a class.
    /// </summary>
    public static bool TryPlan(
        S3ObjectRef image,
        string label,
        IReadOnlyCollection<string>? rejectLabels,
        [NotNullWhen(true)] out FilingPlan? plan,
        out string error)
    {
        ArgumentNullException.ThrowIfNull(image);
        ArgumentNullException.ThrowIfNull(label);
        plan = null;
        if (!TryFolder(label, rejectLabels, out var normalized, out var folder, out error))
        {
            return false;
        }

        plan = new FilingPlan(normalized, folder, image, CandidateKeys(image, folder));
        return true;
    }

    /// <summary>
    /// Why <paramref name="label"/> may never be filed as a class, whatever the image, or null when it may:
    /// in this order, it reads as a path (<see cref="PathLikeLabel.WhyRefused"/>, after NFKC), it is a reject
    /// answer (<see cref="RejectLabels.IsReject"/> over <paramref name="rejectLabels"/>, default
    /// <see cref="RejectLabels.Default"/>), or it cannot be a folder (<see cref="LabelFolder.TryEncode"/>).
    /// <see cref="TryPlan"/> applies the same rule; this lets a caller refuse a label before any I/O.
    /// </summary>
    public static string? WhyRefused(string label, IReadOnlyCollection<string>? rejectLabels)
    {
        ArgumentNullException.ThrowIfNull(label);
        return TryFolder(label, rejectLabels, out _, out _, out var error) ? null : error;
    }

    private static bool TryFolder(string label, IReadOnlyCollection<string>? rejectLabels, out string normalized, out string folder, out string error)
    {
        normalized = string.Empty;
        folder = string.Empty;
        if (PathLikeLabel.WhyRefused(label) is { } pathLike)
        {
            error = pathLike;
            return false;
        }

        if (RejectLabels.IsReject(label, rejectLabels ?? RejectLabels.Default))
        {
            error = $"label {Printable.Quote(label)} is a reject answer: it is recorded with the review, never filed as a class";
            return false;
        }

        if (!LabelFolder.TryEncode(label, out folder, out error))
        {
            return false;
        }

        LabelNormalization.TryNormalize(label, out normalized, out _);
        return true;
    }

    /// <summary>
    /// The keys the copy may take, most preferred first, all under <c>images_labeled_by_folder/&lt;folder&gt;/</c>,
    /// distinct, and at most <see cref="MaxKeyBytes"/> UTF-8 bytes:
    /// <list type="number">
    /// <item>the file name itself (<see cref="SafeFileName"/>), e.g. <c>inference-image-1.png</c>;</item>
    /// <item><c>&lt;stem&gt;-&lt;hash&gt;.&lt;ext&gt;</c>, where hash is the first 12 hex digits of the SHA-256 of
    /// bucket, key and version id (else ETag), e.g. <c>inference-image-1-3fa2c09b1d4e.png</c>, so a different
    /// upload with the same file name gets its own name;</item>
    /// <item><c>&lt;stem&gt;-&lt;hash&gt;-2.&lt;ext&gt;</c> … <c>-9</c>, for uploads the hash cannot tell apart
    /// (no version id and no ETag known).</item>
    /// </list>
    /// A name too long for the key limit is shortened by cutting its stem (whole characters) and the plain name
    /// is then skipped; an extension longer than 16 characters is treated as part of the stem.
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="folder"/> is not a folder <see cref="LabelFolder.TryEncode"/> produces.</exception>
    public static IReadOnlyList<string> CandidateKeys(S3ObjectRef image, string folder)
    {
        ArgumentNullException.ThrowIfNull(image);
        ArgumentNullException.ThrowIfNull(folder);
        if (!LabelFolder.TryDecode(folder, out _, out var folderError))
        {
            throw new ArgumentException(folderError, nameof(folder));
        }

        var directory = $"{BucketLayout.LabeledImages}{folder}/";
        var budget = MaxKeyBytes - Encoding.UTF8.GetByteCount(directory);
        var name = SafeFileName(image);
        var (stem, extension) = SplitExtension(name);
        var hash = ObjectFingerprint.Hex(image, HashHexChars);

        var keys = new List<string>(NumberedVariants + 2);
        if (Encoding.UTF8.GetByteCount(name) <= budget)
        {
            keys.Add(directory + name);
        }

        keys.Add(directory + Fit(stem, $"-{hash}{extension}", budget));
        for (var n = 2; n < 2 + NumberedVariants; n++)
        {
            keys.Add(directory + Fit(stem, $"-{hash}-{n}{extension}", budget));
        }

        return keys;
    }

    /// <summary>
    /// The first candidate that holds nothing (<see cref="FilingDecision.FileTo"/>), unless a candidate met
    /// before it already holds this image (<see cref="FilingDecision.AlreadyFiled"/>: same ETag as
    /// <paramref name="imageETag"/>, quotes ignored; an unknown ETag never matches).
    /// <paramref name="existingETagOf"/> returns the ETag of the object at a key, or null when there is none.
    /// </summary>
    /// <remarks>
    /// Checking stops at the first free key, so the common case costs one lookup. Consequences for the caller:
    /// copy with a conditional write (If-None-Match: *) and choose again if it fails, since another filing may take
    /// the key in between; when the source was a multipart upload, a copy gets a different ETag than its source,
    /// so <paramref name="existingETagOf"/> should return the source ETag recorded on the copy (e.g. in its
    /// metadata) when there is one. If a person deletes an earlier candidate after the image was filed at a later
    /// one, a repeated filing makes a second copy.
    /// </remarks>
    public static FilingDecision Choose(IReadOnlyList<string> candidates, string? imageETag, Func<string, string?> existingETagOf)
    {
        ArgumentNullException.ThrowIfNull(candidates);
        ArgumentNullException.ThrowIfNull(existingETagOf);
        foreach (var key in candidates)
        {
            var existing = existingETagOf(key);
            if (existing is null)
            {
                return new FilingDecision.FileTo(key);
            }

            if (ETags.Same(existing, imageETag))
            {
                return new FilingDecision.AlreadyFiled(key);
            }
        }

        return new FilingDecision.NoFreeKey(candidates);
    }

    /// <summary>
    /// The image's file name when it is safe to reuse; otherwise <c>image-&lt;16 hex digits of the upload's
    /// hash&gt;</c> plus the original extension when that is 1–16 ASCII letters or digits. Unsafe: empty (a key
    /// ending in '/'), ".", "..", white space only, or containing a control character, '\', or an unpaired
    /// surrogate. Example: key "uploads/.." → "image-" and 16 hex digits; key "a/b\c.png" → "image-" and 16 hex digits and ".png".
    /// </summary>
    public static string SafeFileName(S3ObjectRef image)
    {
        ArgumentNullException.ThrowIfNull(image);
        var name = image.FileName;
        if (IsSafe(name))
        {
            return name;
        }

        var (_, extension) = SplitExtension(name);
        var keepExtension = extension.Length > 1 && !extension.AsSpan(1).ContainsAnyExcept(AsciiAlphanumerics);
        return $"image-{ObjectFingerprint.Hex(image, DerivedNameHashHexChars)}{(keepExtension ? extension : string.Empty)}";
    }

    private static readonly System.Buffers.SearchValues<char> AsciiAlphanumerics =
        System.Buffers.SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789");

    private static bool IsSafe(string name)
    {
        if (name.Length == 0 || name is "." or ".." || string.IsNullOrWhiteSpace(name))
        {
            return false;
        }

        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            if (char.IsControl(c) || c == '\\')
            {
                return false;
            }

            if (char.IsSurrogate(c))
            {
                if (!char.IsSurrogatePair(name, i))
                {
                    return false;
                }

                i++;
            }
        }

        return true;
    }

    /// <summary>("photo", ".png") for "photo.png"; no extension for ".png", "photo." or an extension over 16 chars.</summary>
    private static (string Stem, string Extension) SplitExtension(string name)
    {
        var dot = name.LastIndexOf('.');
        if (dot <= 0 || dot == name.Length - 1 || name.Length - dot - 1 > MaxKeptExtensionLength)
        {
            return (name, string.Empty);
        }

        return (name[..dot], name[dot..]);
    }

    /// <summary><paramref name="stem"/> + <paramref name="suffix"/>, cutting whole characters off the stem to fit.</summary>
    private static string Fit(string stem, string suffix, int budget)
    {
        var room = budget - Encoding.UTF8.GetByteCount(suffix);
        if (Encoding.UTF8.GetByteCount(stem) <= room)
        {
            return stem + suffix;
        }

        var cut = new StringBuilder();
        var used = 0;
        foreach (var rune in stem.EnumerateRunes())
        {
            if (used + rune.Utf8SequenceLength > room)
            {
                break;
            }

            cut.Append(rune.ToString());
            used += rune.Utf8SequenceLength;
        }

        return cut + suffix;
    }
}
