using ContinuousImprovement.Core.Text;
using System.Text;
using ContinuousImprovement.Core.Ports;

namespace ContinuousImprovement.Local.Adapters;

/// <summary>
/// Maps bucket names and object keys to relative paths so that no key can reach outside its bucket's folder.
/// S3 accepts keys a file system cannot hold (".." segments, empty segments, a key that is also a folder of
/// other keys); those are refused with <see cref="PortFailure.Invalid"/> instead of being stored elsewhere.
/// </summary>
internal static class ObjectKeyPaths
{
    /// <summary>S3's limit on a key, in UTF-8 bytes.</summary>
    public const int MaxKeyBytes = 1024;

    // A file name holds 255 bytes on common file systems; the sidecar adds ".json".
    private const int MaxSegmentBytes = 250;

    public static void CheckBucket(string bucket)
    {
        ArgumentNullException.ThrowIfNull(bucket);
        var valid = bucket.Length is >= 3 and <= 63
            && char.IsAsciiLetterOrDigit(bucket[0])
            && bucket.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or '_');
        if (!valid)
        {
            throw new PortException(PortFailure.Invalid, $"Bucket name '{bucket}' is not valid: 3 to 63 letters, digits, '.', '-' or '_', starting with a letter or digit.");
        }
    }

    /// <summary>The key's path relative to its bucket folder, with the platform's separator.</summary>
    public static string RelativePath(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (key.Length == 0)
        {
            throw Invalid(key, "it is empty");
        }

        if (Encoding.UTF8.GetByteCount(key) > MaxKeyBytes)
        {
            throw Invalid(key, $"it is longer than {MaxKeyBytes} UTF-8 bytes");
        }

        if (key.EndsWith('/'))
        {
            throw Invalid(key, "it ends with '/' (a folder marker), which the folder store does not keep as an object");
        }

        var segments = key.Split('/');
        foreach (var segment in segments)
        {
            if (segment is "" or "." or "..")
            {
                throw Invalid(key, "it has an empty, '.' or '..' segment, which would leave its folder");
            }

            if (segment.Contains('\\', StringComparison.Ordinal) || segment.Contains('\0', StringComparison.Ordinal))
            {
                throw Invalid(key, "it contains '\\' or NUL, which a file path cannot hold safely");
            }

            if (Encoding.UTF8.GetByteCount(segment) > MaxSegmentBytes)
            {
                throw Invalid(key, $"a segment is longer than {MaxSegmentBytes} UTF-8 bytes");
            }
        }

        return Path.Combine(segments);
    }

    /// <summary>The full path of <paramref name="relative"/> under <paramref name="folder"/>, checked to stay inside it.</summary>
    public static string Under(string folder, string relative, string key)
    {
        var root = Path.GetFullPath(folder);
        var full = Path.GetFullPath(Path.Combine(root, relative));
        return full.StartsWith(root + Path.DirectorySeparatorChar, StringComparison.Ordinal)
            ? full
            : throw Invalid(key, "it would leave its bucket's folder");
    }

    private static PortException Invalid(string key, string why) =>
        new(PortFailure.Invalid, $"Object key {Printable.Quote(key, maxChars: 120)} cannot be stored in a folder: {why}.");
}
