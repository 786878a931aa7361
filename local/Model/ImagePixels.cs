using SkiaSharp;

namespace ContinuousImprovement.Local.Model;

/// <summary>
/// Turns image files (PNG, JPEG) into the classifier's features and back: 28×28 grey levels scaled to 0–1.
/// Any size or colour is accepted; it is drawn onto a 28×28 grey canvas first.
/// </summary>
public static class ImagePixels
{
    /// <summary>Features of an encoded image; null when the bytes are not an image Skia can decode.</summary>
    public static float[]? FromImage(ReadOnlySpan<byte> encoded)
    {
        using var data = SKData.CreateCopy(encoded);
        using var bitmap = SKBitmap.Decode(data);
        if (bitmap is null)
        {
            return null;
        }

        using var grey = new SKBitmap(new SKImageInfo(FashionMnist.Side, FashionMnist.Side, SKColorType.Gray8, SKAlphaType.Opaque));
        using (var canvas = new SKCanvas(grey))
        {
            canvas.Clear(SKColors.Black);
            using var paint = new SKPaint { FilterQuality = SKFilterQuality.Medium };
            canvas.DrawBitmap(bitmap, new SKRect(0, 0, FashionMnist.Side, FashionMnist.Side), paint);
        }

        var pixels = grey.Bytes;
        var features = new float[FashionMnist.PixelCount];
        for (var i = 0; i < features.Length; i++)
        {
            features[i] = pixels[i] / 255f;
        }

        return features;
    }

    /// <summary>Features of raw 28×28 grey pixels, exactly as the dataset stores them.</summary>
    public static float[] FromRawPixels(byte[] pixels28x28)
    {
        ArgumentNullException.ThrowIfNull(pixels28x28);
        return pixels28x28.Select(p => p / 255f).ToArray();
    }

    /// <summary>A PNG of 28×28 grey pixels, as the demo uploads them.</summary>
    public static byte[] ToPng(byte[] pixels28x28)
    {
        ArgumentNullException.ThrowIfNull(pixels28x28);
        if (pixels28x28.Length != FashionMnist.PixelCount)
        {
            throw new ArgumentException($"Expected {FashionMnist.PixelCount} pixels, got {pixels28x28.Length}.", nameof(pixels28x28));
        }

        using var bitmap = new SKBitmap(new SKImageInfo(FashionMnist.Side, FashionMnist.Side, SKColorType.Gray8, SKAlphaType.Opaque));
        System.Runtime.InteropServices.Marshal.Copy(pixels28x28, 0, bitmap.GetPixels(), pixels28x28.Length);
        using var image = SKImage.FromBitmap(bitmap);
        using var png = image.Encode(SKEncodedImageFormat.Png, 100);
        return png.ToArray();
    }
}
