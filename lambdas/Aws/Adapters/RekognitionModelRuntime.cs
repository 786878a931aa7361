using ContinuousImprovement.Aws.Errors;
using ContinuousImprovement.Aws.Rekognition;
using ContinuousImprovement.Core.Ports;
using ContinuousImprovement.Core.Sampling;
using ContinuousImprovement.Core.Storage;

namespace ContinuousImprovement.Aws.Adapters;

/// <summary>
/// <see cref="IModelRuntime"/> on Rekognition Custom Labels' DetectCustomLabels, reading the image from S3 (Rekognition
/// fetches it itself, so the Lambda never downloads image bytes). A model still starting answers
/// <see cref="PortFailure.NotReady"/>; an image Rekognition cannot read answers <see cref="PortFailure.Invalid"/> so the
/// workflow quarantines it instead of retrying.
/// </summary>
public sealed class RekognitionModelRuntime(RekognitionClient client) : IModelRuntime
{
    private static readonly HashSet<string> BadImageCodes = new(StringComparer.Ordinal)
    {
        "InvalidImageFormatException", "ImageTooLargeException", "InvalidS3ObjectException",
    };

    public async Task<Prediction> DetectAsync(string projectVersionArn, S3ObjectRef image, double minConfidence, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(projectVersionArn);
        ArgumentNullException.ThrowIfNull(image);
        var request = new DetectCustomLabelsRequest(
            projectVersionArn,
            new Image(S3Object: new S3Object(image.Bucket, image.Key, image.VersionId)),
            MinConfidence: minConfidence);
        DetectCustomLabelsResponse response;
        try
        {
            response = await client.DetectCustomLabelsAsync(request, cancellationToken).ConfigureAwait(false);
        }
        catch (AwsServiceException e) when (BadImageCodes.Contains(e.Error.Code))
        {
            throw new PortException(PortFailure.Invalid, $"detect labels in {image.Uri}: {e.Error.Code}: {e.Error.Message}", e);
        }
        catch (Exception e) when (PortFailures.From($"detect labels in {image.Uri}", e, cancellationToken) is { } port && !ReferenceEquals(port, e))
        {
            throw port;
        }

        return new Prediction((response.CustomLabels ?? [])
            .Where(label => label.Name is not null)
            .Select(label => new LabelConfidence(label.Name!, label.Confidence ?? 0))
            .ToArray());
    }
}
