using ContinuousImprovement.Core.Settings;
using ContinuousImprovement.Handlers.Invocation;
using ContinuousImprovement.Handlers.Settings;

namespace ContinuousImprovement.Handlers.AuditSampling;

/// <summary>
/// Checks the input and reads the operator settings once for the whole execution; the audit runs only when it is
/// switched on (Enable-Automatic-Human-Sampling), reviews are (Enable-A2I-Workflow) and the daily cap allows any.
/// </summary>
public sealed class LoadAuditSettings(Ports ports) : IHandler<LoadAuditSettingsRequest, AuditSettingsLoaded>
{
    public async ValueTask<AuditSettingsLoaded> HandleAsync(LoadAuditSettingsRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var input = request.Input ?? throw new HandlerException(HandlerErrors.InvalidInput, "The audit input is missing; the schedule sends {\"bucket\": …}.");
        var maxExamined = input.MaxExamined ?? AuditInput.DefaultMaxExamined;
        var maxRounds = input.MaxRounds ?? AuditInput.DefaultMaxRounds;
        if (string.IsNullOrWhiteSpace(input.Bucket))
        {
            throw new HandlerException(HandlerErrors.InvalidInput, "The audit input needs the bucket the uploads are in.");
        }

        if (maxExamined is < 1 or > AuditInput.MaxMaxExamined || maxRounds is < 1 or > AuditInput.MaxMaxRounds)
        {
            throw new HandlerException(HandlerErrors.InvalidInput, $"maxExamined must be 1 to {AuditInput.MaxMaxExamined} and maxRounds 1 to {AuditInput.MaxMaxRounds}; got {maxExamined} and {maxRounds}.");
        }

        var inForce = await new SettingsReader(ports.Parameters, ports.Catalog).ReadAsync(cancellationToken).ConfigureAwait(false);
        var (enabled, reason) = Decide(inForce.Operator);
        return new AuditSettingsLoaded(enabled, reason, input.Bucket, maxExamined, maxRounds, inForce.Snapshot(), inForce.Parameters.Problems.Select(p => p.Message).ToList(), AuditTotals.None);
    }

    private static (bool Enabled, string Reason) Decide(OperatorSettings settings) =>
        !settings.Audit.Enabled ? (false, "audit sampling is switched off (Enable-Automatic-Human-Sampling is false)")
        : !settings.Review.Enabled ? (false, "human review is switched off (Enable-A2I-Workflow is false), so no one can be asked")
        : settings.Sampling.MaxHumanLoopsPerDay <= 0 ? (false, "Max-Human-Loops-Per-Day is 0, so no human loop may be started")
        : (true, $"every {AuditText.Ordinal(settings.Audit.Interval)} confident detection goes to a human");
}
