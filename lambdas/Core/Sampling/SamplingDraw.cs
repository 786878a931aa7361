using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace ContinuousImprovement.Core.Sampling;

/// <summary>
/// The random strategy's draw: a number in [0, 1) that depends only on the seed and the image key.
/// </summary>
/// <remarks>
/// <para>Why not <see cref="System.Random"/>: EventBridge and Step Functions deliver at least once, and a retried
/// state must reach the same decision, or one image could be sampled on one attempt and not on the next.
/// <see cref="System.Random"/>'s sequence is not specified across .NET versions and <see cref="string.GetHashCode()"/>
/// is randomized per process, whereas SHA-256 over a fixed byte layout gives the same draw on every run,
/// machine and version. It also makes the sample nested: raising the rate only adds images.</para>
/// <para>Formula: bytes = seed as 4 bytes little-endian, then the key as UTF-8; h = SHA-256(bytes);
/// u = (first 8 bytes of h read big-endian, shifted right by 11) / 2^53, i.e. the top 53 bits, which a
/// double holds exactly.</para>
/// <para>Worked example (seed 42): key <c>images_for_detection/inference-image-24.png</c> → u ≈ 0.012296,
/// picked at rate 0.05; key <c>images_for_detection/inference-image-1.png</c> → u ≈ 0.572481, not picked.</para>
/// </remarks>
public static class SamplingDraw
{
    /// <summary>The draw for <paramref name="imageKey"/> under <paramref name="seed"/>, in [0, 1).</summary>
    public static double Uniform(int seed, string imageKey)
    {
        ArgumentNullException.ThrowIfNull(imageKey);

        // Lone surrogates in a key become U+FFFD: still deterministic, so still reproducible.
        var bytes = new byte[sizeof(int) + Encoding.UTF8.GetByteCount(imageKey)];
        BinaryPrimitives.WriteInt32LittleEndian(bytes, seed);
        Encoding.UTF8.GetBytes(imageKey, bytes.AsSpan(sizeof(int)));

        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(bytes, hash);
        ulong top53 = BinaryPrimitives.ReadUInt64BigEndian(hash) >> 11;
        return top53 * (1.0 / (1UL << 53));
    }
}
