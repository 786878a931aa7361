using ContinuousImprovement.Core.Text;
using System.Text.Json;
using ContinuousImprovement.Core.Ports;
using ContinuousImprovement.Core.Sampling;
using ContinuousImprovement.Core.Storage;

namespace ContinuousImprovement.Local.Adapters;

/// <summary>
/// The twin's stand-in for Rekognition Custom Labels' DetectCustomLabels. Each model version is a JSON file
/// (<see cref="LocalModelVersion"/>): a version with a model file answers from the image's bytes through
/// <paramref name="predictor"/> (the twin's ML.NET classifier); one without answers deterministically from its
/// predictions by image file name, which is what workflow tests use. Either way the labels come as Rekognition
/// returns them: highest confidence first, only those at or above MinConfidence, confidences 0–100.
/// <para>
/// It fails as Rekognition does — an unknown version is NotFound, a version that is not RUNNING is NotReady, bytes
/// that are not a PNG or JPEG (judged by their magic numbers, as Rekognition reads them), cannot be decoded or are
/// too large are Invalid, a missing image is NotFound. A model file that cannot be served (unreadable, outside the
/// folder, or no predictor given) is Unavailable, as a service fault would be.
/// </para>
/// </summary>
public sealed class LocalModelRuntime(string folder, IObjectStore images, ILocalPredictor? predictor = null) : IModelRuntime
{
    public const string Running = "RUNNING";

    /// <summary>Rekognition's limit for an image read from S3.</summary>
    public const long MaxImageBytes = LocalImageFormat.MaxImageBytes;

    private readonly string folder = Path.GetFullPath(folder);

    // Every detection reads its version; parsed again only when the training adapter rewrites it.
    private readonly ParsedFileCache<LocalModelVersion> versions = new(bytes => JsonSerializer.Deserialize(bytes, AdaptersJsonContext.Default.LocalModelVersion)!);

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
        if (!LocalImageFormat.IsPngOrJpeg(bytes))
        {
            throw new PortException(PortFailure.Invalid, $"Image {Printable.Quote(image.Uri, maxChars: 120)} is not a PNG or JPEG image: it starts with bytes {LocalImageFormat.Start(bytes)}.");
        }

        if (version.ModelFile is { } modelFile)
        {
            var labels = Predictor(version).Predict(ModelPath(version.Arn, modelFile), bytes)
                ?? throw new PortException(PortFailure.Invalid, $"Image {Printable.Quote(image.Uri, maxChars: 120)} cannot be decoded: it starts like a PNG or JPEG image ({LocalImageFormat.Start(bytes)}) but is not a readable one.");
            return new Prediction(labels
                .Where(l => l.Confidence >= minConfidence)
                .OrderByDescending(l => l.Confidence)
                .ThenBy(l => l.Name, StringComparer.Ordinal)
                .Select(l => new LabelConfidence(l.Name, l.Confidence))
                .ToList());
        }

        var fixedLabels = version.Predictions.TryGetValue(image.FileName, out var predicted) ? predicted : version.Otherwise ?? [];
        return new Prediction(fixedLabels.Where(l => l.Confidence >= minConfidence).Select(l => new LabelConfidence(l.Name, l.Confidence)).ToList());
    }

    private ILocalPredictor Predictor(LocalModelVersion version) =>
        predictor ?? throw new PortException(PortFailure.Unavailable, $"Model version {Printable.Quote(version.Arn, maxChars: 120)} has a model file, but this runtime was given no predictor to run it.");

    // The file is named by our own trainer, but the version file is on disk where anyone can edit it: a path
    // leaving the folder is refused rather than read.
    private string ModelPath(string arn, string modelFile)
    {
        var path = Path.GetFullPath(Path.Combine(folder, modelFile));
        return path.StartsWith(folder + Path.DirectorySeparatorChar, StringComparison.Ordinal)
            ? path
            : throw new PortException(PortFailure.Unavailable, $"Model version {Printable.Quote(arn, maxChars: 120)} names model file {Printable.Quote(modelFile, maxChars: 120)}, which is outside the models folder.");
    }

    private LocalModelVersion Load(string arn)
    {
        var path = PathOf(folder, arn);
        return IoFailures.Guard($"read model version {arn}", () => versions.Read(path))
            ?? throw new PortException(PortFailure.NotFound, $"Model version {Printable.Quote(arn, maxChars: 120)} does not exist.");
    }

    // An ARN holds ':' and '/'; escaping keeps one flat, reversible file name per version.
    private static string PathOf(string folder, string arn) => Path.Combine(folder, Uri.EscapeDataString(arn) + ".json");
}
