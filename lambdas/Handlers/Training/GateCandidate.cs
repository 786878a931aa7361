using ContinuousImprovement.Handlers.Invocation;
using ContinuousImprovement.Core.Training;
using ContinuousImprovement.Handlers.Contracts;
using ContinuousImprovement.Handlers.Settings;

namespace ContinuousImprovement.Handlers.Training;

/// <summary>
/// The F1 gate (<see cref="DeploymentGate"/>) between a trained version and the serving one, read from the system
/// parameter now. A pass returns the blue/green plan; a fail records the attempt as GatedOut (the serving version
/// stays, the same set is not retrained) and clears the candidate. Either way a model-trained notification gives
/// both scores.
/// </summary>
public sealed class GateCandidate(Ports ports) : IHandler<TrainingEndRequest, GateResult>
{
    public async ValueTask<GateResult> HandleAsync(TrainingEndRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var candidate = request.Candidate;
        var minimum = SettingsSnapshot.Read(ports.Catalog, request.Check.Settings).Training.MinimumF1Score;
        var store = new SystemStateStore(ports);
        var state = await store.ReadAsync(cancellationToken).ConfigureAwait(false);
        var candidateF1 = request.Training.F1 ?? double.NaN;
        double? servingF1 = state.Serving is { } serving ? serving.F1 ?? double.NaN : null;
        var gate = DeploymentGate.Decide(candidateF1, minimum, servingF1);

        var servingText = state.Serving is { } s ? $"{s.ProjectVersionArn} (F1 {TrainingText.F1(s.F1, "unknown")})" : "none";
        var trained = new NotificationText(
            TrainingNotificationKinds.ModelTrained,
            $"Model trained: {candidate.VersionName}, F1 {TrainingText.F1(request.Training.F1, "unknown")}",
            $"Model version {candidate.VersionArn} finished training on {TrainingText.Images(candidate.LabeledCount)}. "
            + $"Its F1 is {TrainingText.F1(request.Training.F1, "unknown")}; serving now: {servingText}. Gate: {gate.Reason} — {(gate.Pass ? "deploying it blue/green" : "not deploying it")}.");
        if (gate.Pass)
        {
            var plan = BlueGreenDeployment.Start(state.Serving?.ProjectVersionArn, candidate.VersionArn);
            return new GateResult(true, gate.Reason, candidateF1, servingF1, trained, null, new DeployProgress(plan, 0, false), new PreviousServing(state.Serving, state.LastSuccessfulTraining));
        }

        var now = ports.Time.GetUtcNow();
        state = await store.UpdateAsync(st => Attempts.End(st, candidate, TrainingAttemptOutcome.GatedOut, now), cancellationToken).ConfigureAwait(false);
        var keeps = state.Serving is { } kept ? $"{kept.ProjectVersionArn} keeps serving." : "No model is serving yet.";
        var outcome = new TrainingOutcome(
            TrainingStatus.GatedOut,
            $"{candidate.VersionArn} not deployed: {gate.Reason}",
            new NotificationText(
                TrainingNotificationKinds.GateFailed,
                $"Not deployed: {candidate.VersionName} did not pass the F1 gate",
                $"Model version {candidate.VersionArn} (F1 {TrainingText.F1(request.Training.F1, "unknown")}) was not deployed: {gate.Reason}. {keeps} "
                + $"It is not started, and the same {TrainingText.Images(candidate.LabeledCount)} will not be trained again until labels change or an operator asks for a retry."));
        return new GateResult(false, gate.Reason, candidateF1, servingF1, trained, outcome, null, null);
    }
}
