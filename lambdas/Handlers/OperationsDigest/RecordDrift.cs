using ContinuousImprovement.Handlers.Invocation;

namespace ContinuousImprovement.Handlers.OperationsDigest;

/// <summary>
/// Remembers a drift alert after its mail went out, so the next runs judge only the labels that come after it.
/// Recording again is harmless: a retry whose first attempt stored the alert finds it stored and says so.
/// </summary>
public sealed class RecordDrift(Ports ports) : IHandler<RecordDriftRequest, DriftRecorded>
{
    public async ValueTask<DriftRecorded> HandleAsync(RecordDriftRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var alert = request.Alert ?? throw new HandlerException(HandlerErrors.InvalidInput, "There is no drift alert to record.");
        if (await ports.Inferences.TryRecordDriftAlertAsync(request.Expected, alert, cancellationToken).ConfigureAwait(false))
        {
            return new DriftRecorded(true, $"remembered: {alert.Agreed} of {alert.Labels} counted human labels agreed at the alert");
        }

        var stored = await ports.Inferences.DriftAlertAsync(alert.ModelVersionArn, cancellationToken).ConfigureAwait(false);
        return stored == alert
            ? new DriftRecorded(true, "already remembered (a retry)")
            : new DriftRecorded(false, "another run remembered a drift alert for this version meanwhile; it stands");
    }
}
