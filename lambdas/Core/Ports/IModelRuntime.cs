using ContinuousImprovement.Core.Sampling;
using ContinuousImprovement.Core.Storage;

namespace ContinuousImprovement.Core.Ports;

/// <summary>Classifies an image with a running model version (Rekognition DetectCustomLabels; the ML.NET stand-in in the twin).</summary>
public interface IModelRuntime
{
    /// <param name="minConfidence">Labels below this (0–100) are left out; 0 returns the whole distribution the sampling rules need.</param>
    Task<Prediction> DetectAsync(string projectVersionArn, S3ObjectRef image, double minConfidence, CancellationToken cancellationToken);
}
