using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace ContinuousImprovement.Core.Training;

/// <summary>
/// Names a labeled set by its content so that "did anything change since the last attempt?" is a string
/// comparison: a failed training is not retried on the same set, but any added, removed or refiled image
/// makes a new set.
/// </summary>
public static class LabeledSetFingerprint
{
    /// <summary>
    /// Lower-case hex SHA-256 over the distinct keys in ordinal order, each written as its UTF-8 length
    /// (4 bytes, big-endian) followed by its UTF-8 bytes. The length prefix keeps {"ab","c"} and {"a","bc"}
    /// apart, which a plain concatenation or a separator (keys may contain any character) would not.
    /// Listing order and duplicates do not matter.
    /// </summary>
    public static string Of(IEnumerable<string> keys)
    {
        ArgumentNullException.ThrowIfNull(keys);

        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        Span<byte> length = stackalloc byte[4];
        foreach (var key in keys.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal))
        {
            var bytes = Encoding.UTF8.GetBytes(key);
            BinaryPrimitives.WriteInt32BigEndian(length, bytes.Length);
            hash.AppendData(length);
            hash.AppendData(bytes);
        }

        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }
}
