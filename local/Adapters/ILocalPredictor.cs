namespace ContinuousImprovement.Local.Adapters;

/// <summary>
/// Runs a trained model file on an image for <see cref="LocalModelRuntime"/>: the seam where the twin's real
/// classifier (ML.NET, in the Model project) plugs in. Many detections call it at once, so implementations must be
/// thread-safe, and should keep loaded models rather than read the file per call (a version's file never changes).
/// </summary>
public interface ILocalPredictor
{
    /// <summary>
    /// Every label the model gives the image, with Rekognition's 0–100 confidences; null when the bytes cannot be
    /// decoded as an image. A model file that cannot be read or loaded is a <see cref="Core.Ports.PortException"/>.
    /// </summary>
    IReadOnlyList<LocalLabel>? Predict(string modelPath, ReadOnlySpan<byte> image);
}
