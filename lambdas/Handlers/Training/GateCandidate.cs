using ContinuousImprovement.Handlers.Invocation;
using ContinuousImprovement.Core.Training;
using ContinuousImprovement.Handlers.Contracts;
using ContinuousImprovement.Handlers.Settings;
using ContinuousImprovement.Handlers.State;

namespace ContinuousImprovement.Handlers.Training;

/// <summary>
/// The F1 gate (<see cref="DeploymentGate.DecideAgainst"/>) between a trained version and the serving one, read from
/// the system parameter now: the candidate's F1 on its test set against the serving model's F1 on the same test
/// images (<see cref="ScoreServingModel"/>), or, when it could not be scored there, its recorded F1, saying so. A pass
/// returns the blue/green plan; a fail records the attempt as GatedOut (the serving version stays, the same set is not
/// retrained) and clears the candidate. Either way a model-trained notification gives both scores.
/// </summary>
public sealed class GateCandidate(Ports ports) : IHandler<GateRequest, GateResult>
{
    public async ValueTask<GateResult> HandleAsync(GateRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var candidate = request.Candidate;
        var minimum = SettingsSnapshot.Read(ports.Catalog, request.Check.Settings).Training.MinimumF1Score;
        var store = new SystemStateStore(ports);
        var state = await store.ReadAsync(cancellationToken).ConfigureAwait(false);
        var candidateF1 = request.Training.F1;
        var baseline = state.Serving is { } serving ? new ServingBaseline(serving.ProjectVersionArn, serving.F1, request.ServingScore) : null;
        var gate = DeploymentGate.DecideAgainst(candidateF1 ?? double.NaN, minimum, baseline);

        // JSON has no NaN: an unknown serving F1 is written as null.
        double? servingF1 = baseline is not null && double.IsFinite(baseline.F1) ? baseline.F1 : null;
        var onSameTestSet = baseline?.OnSameTestSet ?? false;

        var candidateText = $"{TrainingText.F1(candidateF1, "unknown")} on its test set of {TrainingText.Images(candidate.TestImages)}";
        var servingText = GateText.Serving(baseline);
        var trained = new NotificationText(
            TrainingNotificationKinds.ModelTrained,
            $"Model trained: {candidate.VersionName}, F1 {TrainingText.F1(candidateF1, "unknown")}",
            $"Model version {candidate.VersionArn} finished training on {TrainingText.Images(candidate.LabeledCount)}. "
            + $"Its F1 is {candidateText}. {servingText} Gate: {gate.Reason} — {(gate.Pass ? "deploying it blue/green" : "not deploying it")}.");
        if (gate.Pass)
        {
            var plan = BlueGreenDeployment.Start(state.Serving?.ProjectVersionArn, candidate.VersionArn);
            return new GateResult(true, gate.Reason, candidateF1, servingF1, trained, null, new DeployProgress(plan, 0, false), new PreviousServing(state.Serving, state.LastSuccessfulTraining), baseline?.RecordedF1, onSameTestSet, request.ServingScore);
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
                $"Model version {candidate.VersionArn} (F1 {candidateText}) was not deployed: {gate.Reason}. {(baseline is null ? "" : servingText + " ")}{keeps} "
                + $"It is not started, and the same {TrainingText.Images(candidate.LabeledCount)} will not be trained again until labels change or an operator asks for a retry."));
        return new GateResult(false, gate.Reason, candidateF1, servingF1, trained, outcome, null, null, baseline?.RecordedF1, onSameTestSet, request.ServingScore);
    }
}
