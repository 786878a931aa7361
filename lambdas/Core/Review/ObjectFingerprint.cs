using System.Buffers.Binary;
using System.Security.Cryptography;

using ContinuousImprovement.Core.Storage;

namespace ContinuousImprovement.Core.Review;

/// <summary>
/// A SHA-256 that identifies one upload: bucket, key and the version id, else the ETag, else nothing.
/// Shared by loop names and filing so that both tell uploads apart the same way.
/// </summary>
/// <remarks>
/// Each field is written as its length in UTF-16 code units (4 bytes, big-endian) followed by its code units
/// (big-endian), and the version/ETag field is preceded by a tag byte ('v', 'e' or 'n'), so that no two
/// different inputs share an encoding: ("ab","c") differs from ("a","bc"), and a version id never equals an
/// ETag with the same text. Raw code units rather than UTF-8, so that even invalid UTF-16 stays distinct.
/// </remarks>
internal static class ObjectFingerprint
{
    public static byte[] Sha256(S3ObjectRef image)
    {
        ArgumentNullException.ThrowIfNull(image);
        var (tag, revision) = Revision(image);
        var size = 4 + (image.Bucket.Length * 2) + 4 + (image.Key.Length * 2) + 1 + 4 + (revision.Length * 2);
        var buffer = new byte[size];
        var at = 0;
        Write(buffer, ref at, image.Bucket);
        Write(buffer, ref at, image.Key);
        buffer[at++] = tag;
        Write(buffer, ref at, revision);
        return SHA256.HashData(buffer);
    }

    /// <summary>The first <paramref name="hexChars"/> lowercase hex digits of <see cref="Sha256"/>.</summary>
    public static string Hex(S3ObjectRef image, int hexChars)
    {
        return Convert.ToHexStringLower(Sha256(image))[..hexChars];
    }

    private static (byte Tag, string Value) Revision(S3ObjectRef image)
    {
        if (!string.IsNullOrWhiteSpace(image.VersionId))
        {
            return ((byte)'v', image.VersionId);
        }

        var etag = Filing.ETags.Normalize(image.ETag);
        return etag.Length > 0 ? ((byte)'e', etag) : ((byte)'n', string.Empty);
    }

    private static void Write(byte[] buffer, ref int at, string value)
    {
        BinaryPrimitives.WriteInt32BigEndian(buffer.AsSpan(at), value.Length);
        at += 4;
        foreach (var c in value)
        {
            BinaryPrimitives.WriteUInt16BigEndian(buffer.AsSpan(at), c);
            at += 2;
        }
    }
}
