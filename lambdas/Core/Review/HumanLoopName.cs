using ContinuousImprovement.Core.Storage;

namespace ContinuousImprovement.Core.Review;

/// <summary>
/// The name of the human loop started for one uploaded image. Derived only from the upload, so a re-delivered
/// event asks A2I for a loop that already exists (A2I refuses the duplicate) instead of starting a second
/// review, while a new upload of the same key (new version id or ETag) gets its own loop.
/// </summary>
public static class HumanLoopName
{
    /// <summary>A2I's limit on human loop names.</summary>
    public const int MaxLength = 63;

    private const int SlugMaxLength = 20;
    private const int HashHexChars = 40;

    /// <summary>
    /// <c>&lt;slug&gt;-&lt;hash&gt;</c>: a readable slug of the file name (lowercased ASCII letters and digits,
    /// every other run of characters one '-', trimmed of '-', at most 20 characters, "img" when nothing is
    /// left) and the first 40 hex digits (160 bits) of the SHA-256 of bucket, key and version id (else ETag).
    /// At most 20 + 1 + 40 = 61 characters. Example: s3://b/images_for_detection/Photo 1.PNG with
    /// version "v1" → "photo-1-png-" followed by 40 hex digits. The slug only helps people reading
    /// the A2I console; uniqueness comes from the hash.
    /// </summary>
    public static string For(S3ObjectRef image)
    {
        ArgumentNullException.ThrowIfNull(image);
        return $"{Slug(image.FileName)}-{ObjectFingerprint.Hex(image, HashHexChars)}";
    }

    /// <summary>
    /// True when A2I accepts <paramref name="name"/>: 1 to 63 characters matching <c>^[a-z0-9](-*[a-z0-9])*$</c>
    /// (lowercase letters, digits and hyphens, starting and ending with a letter or digit).
    /// </summary>
    public static bool IsValid(string? name)
    {
        if (string.IsNullOrEmpty(name) || name.Length > MaxLength || name[0] == '-' || name[^1] == '-')
        {
            return false;
        }

        foreach (var c in name)
        {
            if (!IsLowerAlnum(c) && c != '-')
            {
                return false;
            }
        }

        return true;
    }

    private static string Slug(string fileName)
    {
        var slug = new System.Text.StringBuilder(SlugMaxLength);
        var pendingHyphen = false;
        foreach (var raw in fileName)
        {
            var c = raw is >= 'A' and <= 'Z' ? (char)(raw + ('a' - 'A')) : raw;
            if (!IsLowerAlnum(c))
            {
                pendingHyphen = slug.Length > 0;
                continue;
            }

            if (pendingHyphen)
            {
                if (slug.Length + 2 > SlugMaxLength)
                {
                    break;
                }

                slug.Append('-');
                pendingHyphen = false;
            }

            if (slug.Length == SlugMaxLength)
            {
                break;
            }

            slug.Append(c);
        }

        return slug.Length == 0 ? "img" : slug.ToString();
    }

    private static bool IsLowerAlnum(char c) => c is (>= 'a' and <= 'z') or (>= '0' and <= '9');
}
