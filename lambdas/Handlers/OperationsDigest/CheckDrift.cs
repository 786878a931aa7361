using ContinuousImprovement.Core.Drift;
using ContinuousImprovement.Core.Parameters;
using ContinuousImprovement.Core.Ports;
using ContinuousImprovement.Handlers.Invocation;

namespace ContinuousImprovement.Handlers.OperationsDigest;

/// <summary>
/// Holds the serving version to what its evaluation promised (<see cref="DriftCheck"/>): reads its confusion against
/// the counted human labels and its last drift alert, and says whether to raise drift-detected. Reads only; the alert
/// is remembered by <see cref="RecordDrift"/> once the mail went out, so a failed mail is retried by the next run
/// rather than lost.
/// </summary>
public sealed class CheckDrift(Ports ports) : IHandler<CheckDriftRequest, DriftChecked>
{
    public async ValueTask<DriftChecked> HandleAsync(CheckDriftRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Settings is null)
        {
            throw new HandlerException(HandlerErrors.InvalidInput, "The drift check needs the settings snapshot its load-settings step read.");
        }

        var settings = Settings(ports.Catalog, request.Settings);
        var now = ports.Time.GetUtcNow();
        if (request.Serving is not { } serving)
        {
            var none = DriftCheck.Decide(null, ModelConfusion.Of("", []), null, settings, now);
            return new DriftChecked(none.Status.ToString(), none.Summary, false);
        }

        var confusion = await ports.Inferences.ConfusionAsync(serving.ProjectVersionArn, settings.LabelSources, cancellationToken).ConfigureAwait(false);
        var last = await ports.Inferences.DriftAlertAsync(serving.ProjectVersionArn, cancellationToken).ConfigureAwait(false);
        var decision = DriftCheck.Decide(serving, confusion, last, settings, now);
        return decision.Status == DriftStatus.Drift
            ? new DriftChecked(decision.Status.ToString(), decision.Summary, true, DriftText.Notification(serving, decision, confusion, settings), decision.Alert, last)
            : new DriftChecked(decision.Status.ToString(), decision.Summary, false);
    }

    // The snapshot through the same last-good rule as stored values, as SettingsSnapshot does for the typed settings.
    private static DriftSettings Settings(ParameterCatalog catalog, IReadOnlyDictionary<string, string> snapshot)
    {
        var raw = snapshot.ToDictionary(v => v.Key, v => (string?)v.Value, StringComparer.Ordinal);
        return DriftSettings.From(ParameterResolver.Resolve(catalog, raw, snapshot));
    }
}
