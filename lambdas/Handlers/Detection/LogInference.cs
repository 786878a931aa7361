using ContinuousImprovement.Core.Ports;
using ContinuousImprovement.Handlers.Invocation;

namespace ContinuousImprovement.Handlers.Detection;

/// <summary>
/// Logs the prediction before anything is decided: the decision needs the sequence number the log gives it
/// (audit sampling picks every N-th), and is added to the same record afterwards.
/// </summary>
public sealed class LogInference(Ports ports) : IHandler<LogInferenceRequest, InferenceLogged>
{
    public async ValueTask<InferenceLogged> HandleAsync(LogInferenceRequest request, CancellationToken cancellationToken)
    {
        var record = new InferenceRecord(
            request.Image.Key,
            request.ModelVersionArn,
            request.Prediction.ToPrediction(),
            SentToHuman: false,
            Reasons: [],
            HumanLoopName: null,
            At: ports.Time.GetUtcNow());
        return new InferenceLogged(await ports.Inferences.RecordAsync(record, cancellationToken).ConfigureAwait(false));
    }
}
