using System.Collections.Concurrent;
using ContinuousImprovement.Core.Ports;
using ContinuousImprovement.Core.Text;
using ContinuousImprovement.Local.Adapters;

namespace ContinuousImprovement.Local.Model;

/// <summary>
/// Runs the models <see cref="MlNetTrainer"/> trained, for <see cref="LocalModelRuntime"/>. Each model file is
/// loaded once (loading takes far longer than a prediction) and kept by its full path: a version's model file is
/// written once and never changes. Thread-safe: concurrent first calls for one file load it once, predictions run
/// in parallel (see <see cref="PixelClassifier"/>), and a file that fails to load is tried again on the next call
/// rather than failing forever.
/// </summary>
public sealed class MlNetPredictor : ILocalPredictor
{
    private readonly ConcurrentDictionary<string, Lazy<PixelClassifier>> models = new(StringComparer.Ordinal);

    /// <summary>How many models are held in memory.</summary>
    public int LoadedModels => models.Count;

    public IReadOnlyList<LocalLabel>? Predict(string modelPath, ReadOnlySpan<byte> image)
    {
        ArgumentException.ThrowIfNullOrEmpty(modelPath);
        var classifier = Model(modelPath);
        var features = ImagePixels.FromImage(image);
        return features is null ? null : classifier.Predict(features).Select(l => new LocalLabel(l.Label, l.Confidence)).ToList();
    }

    /// <summary>The classifier in <paramref name="modelPath"/>, loaded on first use.</summary>
    /// <exception cref="PortException">The file cannot be read (Unavailable, or AccessDenied) or is not a model (Unavailable).</exception>
    public PixelClassifier Model(string modelPath)
    {
        ArgumentException.ThrowIfNullOrEmpty(modelPath);
        var path = Path.GetFullPath(modelPath);
        var loading = models.GetOrAdd(path, p => new Lazy<PixelClassifier>(() => Load(p), LazyThreadSafetyMode.ExecutionAndPublication));
        try
        {
            return loading.Value;
        }
        catch (PortException)
        {
            // Lazy keeps the exception; dropping this attempt lets a restored file load next time.
            models.TryRemove(KeyValuePair.Create(path, loading));
            throw;
        }
    }

    private static PixelClassifier Load(string path)
    {
        try
        {
            using var file = File.OpenRead(path);
            return PixelClassifier.Load(file);
        }
        catch (UnauthorizedAccessException e)
        {
            throw new PortException(PortFailure.AccessDenied, $"Model file {Printable.Quote(path, maxChars: 200)} cannot be read: access denied ({e.Message}).", e);
        }
        catch (Exception e) when (e is IOException or InvalidDataException or FormatException or InvalidOperationException or ArgumentException)
        {
            throw new PortException(PortFailure.Unavailable, $"Model file {Printable.Quote(path, maxChars: 200)} cannot be loaded: {Printable.Line(e.Message, maxChars: 300)}", e);
        }
    }
}
