using ContinuousImprovement.Core.Text;
using System.Text.Json;
using ContinuousImprovement.Core.Ports;
using ContinuousImprovement.Core.Sampling;
using ContinuousImprovement.Core.Storage;

namespace ContinuousImprovement.Local.Adapters;

/// <summary>
/// A deterministic stand-in for Rekognition Custom Labels: each model version is a JSON file of predictions by
/// image file name (<see cref="LocalModelVersion"/>), and it fails as Rekognition does — an unknown version is
/// NotFound, a version that is not RUNNING is NotReady, bytes that are not a PNG or JPEG (judged by their magic
/// numbers, as Rekognition reads them) or are too large are Invalid, a missing image is NotFound.
/// </summary>
public sealed class LocalModelRuntime(string folder, IObjectStore images) : IModelRuntime
{
    public const string Running = "RUNNING";

    /// <summary>Rekognition's limit for an image read from S3.</summary>
    public const long MaxImageBytes = 15 * 1024 * 1024;

    private static readonly byte[] PngMagic = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];
    private static readonly byte[] JpegMagic = [0xFF, 0xD8, 0xFF];

    private readonly string folder = Path.GetFullPath(folder);

    /// <summary>Writes (or replaces) a version's file under <paramref name="folder"/>.</summary>
    public static void Save(string folder, LocalModelVersion version)
    {
        ArgumentNullException.ThrowIfNull(version);
        AtomicFile.Replace(PathOf(Path.GetFullPath(folder), version.Arn), JsonSerializer.SerializeToUtf8Bytes(version, AdaptersJsonContext.Default.LocalModelVersion), Path.Combine(folder, ".tmp"));
    }

    public async Task<Prediction> DetectAsync(string projectVersionArn, S3ObjectRef image, double minConfidence, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(projectVersionArn);
        ArgumentNullException.ThrowIfNull(image);
        var version = Load(projectVersionArn);
        if (version.Status != Running)
        {
            throw new PortException(PortFailure.NotReady, $"Model version {projectVersionArn} is {version.Status}, not {Running}.");
        }

        var content = await images.GetAsync(image.Bucket, image.Key, cancellationToken).ConfigureAwait(false)
            ?? throw new PortException(PortFailure.NotFound, $"Image {Printable.Quote(image.Uri, maxChars: 120)} does not exist.");
        if (image.VersionId is { } wanted && wanted != content.Object.Ref.VersionId)
        {
            throw new PortException(PortFailure.NotFound, $"Image {Printable.Quote(image.Uri, maxChars: 120)} has no version '{wanted}'.");
        }

        if (content.Body.Length > MaxImageBytes)
        {
            throw new PortException(PortFailure.Invalid, $"Image {Printable.Quote(image.Uri, maxChars: 120)} has {content.Body.Length} bytes; at most {MaxImageBytes} can be detected.");
        }

        var bytes = content.Body.Span;
        if (!bytes.StartsWith(PngMagic) && !bytes.StartsWith(JpegMagic))
        {
            throw new PortException(PortFailure.Invalid, $"Image {Printable.Quote(image.Uri, maxChars: 120)} is not a PNG or JPEG image: it starts with bytes {Convert.ToHexString(bytes[..Math.Min(8, bytes.Length)])}.");
        }

        var labels = version.Predictions.TryGetValue(image.FileName, out var predicted) ? predicted : version.Otherwise ?? [];
        return new Prediction(labels.Where(l => l.Confidence >= minConfidence).Select(l => new LabelConfidence(l.Name, l.Confidence)).ToList());
    }

    private LocalModelVersion Load(string arn)
    {
        var path = PathOf(folder, arn);
        return IoFailures.Guard($"read model version {arn}", () => File.Exists(path)
            ? JsonSerializer.Deserialize(File.ReadAllBytes(path), AdaptersJsonContext.Default.LocalModelVersion)
            : null)
            ?? throw new PortException(PortFailure.NotFound, $"Model version {Printable.Quote(arn, maxChars: 120)} does not exist.");
    }

    // An ARN holds ':' and '/'; escaping keeps one flat, reversible file name per version.
    private static string PathOf(string folder, string arn) => Path.Combine(folder, Uri.EscapeDataString(arn) + ".json");
}
