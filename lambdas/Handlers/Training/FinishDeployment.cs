using ContinuousImprovement.Handlers.Invocation;
using ContinuousImprovement.Core.Training;
using ContinuousImprovement.Handlers.Contracts;
using ContinuousImprovement.Handlers.State;

namespace ContinuousImprovement.Handlers.Training;

/// <summary>
/// The blue/green plan has finished. Done: the switch already recorded the success; say model-deployed (with the
/// plan's warning if the old version could not be stopped). Aborted: record the attempt as Failed, clear the
/// candidate and say deploy-failed with the step that failed; the old version serves.
/// </summary>
public sealed class FinishDeployment(Ports ports) : IHandler<FinishDeploymentRequest, TrainingOutcome>
{
    public async ValueTask<TrainingOutcome> HandleAsync(FinishDeploymentRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var plan = request.Deploy.Deployment;
        var candidate = request.Candidate;
        var history = string.Join("\n", plan.History.Select(h => "- " + h));
        var scores = $"F1 {TrainingText.F1(request.Gate.CandidateF1)} (serving before: {GateText.ServingBefore(request.Gate)})";
        if (plan.Phase == BlueGreenPhase.Done)
        {
            var warning = plan.Warning is null ? "" : $"\nWarning: {plan.Warning}.";
            return new TrainingOutcome(
                TrainingStatus.Deployed,
                plan.Summary,
                new NotificationText(
                    TrainingNotificationKinds.ModelDeployed,
                    $"Model deployed: {candidate.VersionName}" + (plan.Warning is null ? "" : " (needs attention)"),
                    $"{Capitalized(plan.Summary)}. {scores}.{warning}\nSteps:\n{history}"));
        }

        var now = ports.Time.GetUtcNow();
        var state = await new SystemStateStore(ports).UpdateAsync(s => Attempts.End(s, candidate, TrainingAttemptOutcome.Failed, now), cancellationToken).ConfigureAwait(false);
        var failed = plan.History.LastOrDefault(h => h.Contains(": failed", StringComparison.Ordinal)) ?? "no step reported a failure";
        var serving = state.Serving is { } s2 ? $"The serving parameter names {s2.ProjectVersionArn}." : "No model is serving.";
        return new TrainingOutcome(
            TrainingStatus.DeployFailed,
            plan.Summary,
            new NotificationText(
                TrainingNotificationKinds.DeployFailed,
                $"Deploy failed: {candidate.VersionName}",
                $"{Capitalized(plan.Summary)}. It failed at: {failed}. {serving} {scores}.\nSteps:\n{history}"));
    }

    private static string Capitalized(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];
}
