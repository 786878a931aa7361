using ContinuousImprovement.Handlers.Contracts;
using ContinuousImprovement.Handlers.Invocation;

namespace ContinuousImprovement.Handlers.Detection;

/// <summary>
/// Classifies the image with the serving model version. Asks for every label (minimum confidence 0): the
/// sampling rules judge the whole distribution, not only the confident labels. A model still starting fails
/// with <c>Port.NotReady</c> and a corrupt image with <c>Port.Invalid</c>; the workflow retries the first and
/// quarantines the second.
/// </summary>
public sealed class DetectLabels(Ports ports) : IHandler<DetectLabelsRequest, PredictionResult>
{
    public async ValueTask<PredictionResult> HandleAsync(DetectLabelsRequest request, CancellationToken cancellationToken)
    {
        var prediction = await ports.Models.DetectAsync(request.ModelVersionArn, request.Image.ToS3(), minConfidence: 0, cancellationToken).ConfigureAwait(false);
        return PredictionResult.From(prediction);
    }
}
