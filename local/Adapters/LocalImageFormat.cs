namespace ContinuousImprovement.Local.Adapters;

/// <summary>
/// Which bytes Rekognition Custom Labels accepts as an image, for training and detection alike: PNG or JPEG (judged
/// by their magic numbers, as Rekognition reads them, not by the key's extension) of at most 15 MB.
/// </summary>
public static class LocalImageFormat
{
    /// <summary>Rekognition's limit for an image read from S3.</summary>
    public const long MaxImageBytes = 15 * 1024 * 1024;

    private static readonly byte[] PngMagic = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];
    private static readonly byte[] JpegMagic = [0xFF, 0xD8, 0xFF];

    public static bool IsPngOrJpeg(ReadOnlySpan<byte> bytes) => bytes.StartsWith(PngMagic) || bytes.StartsWith(JpegMagic);

    /// <summary>The first bytes in hex, for messages about bytes that are no image.</summary>
    public static string Start(ReadOnlySpan<byte> bytes) => Convert.ToHexString(bytes[..Math.Min(8, bytes.Length)]);
}
