using ContinuousImprovement.Core.Ports;
using ContinuousImprovement.Core.State;
using ContinuousImprovement.Core.Training;
using ContinuousImprovement.Handlers.Invocation;
using ContinuousImprovement.Handlers.Settings;
using ContinuousImprovement.Handlers.State;

namespace ContinuousImprovement.Handlers.Training;

/// <summary>
/// Performs the blue/green plan's pending action (<see cref="BlueGreenDeployment.PendingAction"/>) and returns the
/// plan's next state; the workflow loops on it until the plan is finished. A port failure is thrown so that ASL
/// Retry deals with transient ones; once the retries are spent the Catch calls this handler again with the failure,
/// and the plan (not the handler) decides what follows: retry a stop, roll back, stop the new version.
/// </summary>
public sealed class RunDeploymentStep(Ports ports) : IHandler<DeployStepRequest, DeployProgress>
{
    public const string Running = "RUNNING";
    public const string Starting = "STARTING";

    public async ValueTask<DeployProgress> HandleAsync(DeployStepRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var deploy = request.Deploy;
        var plan = deploy.Deployment;
        if (request.Failure is { } failure)
        {
            return Next(plan, StepOutcome.Failure($"{failure.Error}: {failure.Cause}"));
        }

        var training = TrainingPort.Of(ports);
        switch (plan.PendingAction)
        {
            case BlueGreenAction.StartNew:
                var units = SettingsSnapshot.Read(ports.Catalog, request.Check.Settings).Training.MinimumInferenceUnits;
                await training.StartVersionAsync(plan.NewVersionArn, units, cancellationToken).ConfigureAwait(false);
                return Next(plan, StepOutcome.Success($"started with {units} inference unit{(units == 1 ? "" : "s")}"));

            case BlueGreenAction.WaitUntilRunning:
                var version = await training.DescribeVersionAsync(plan.NewVersionArn, cancellationToken).ConfigureAwait(false);
                if (version?.Status == Running)
                {
                    return Next(plan, StepOutcome.Success(Running));
                }

                if (version?.Status == Starting)
                {
                    var polls = deploy.Polls + 1;
                    return polls >= request.Check.MaxPolls
                        ? Next(plan, StepOutcome.Failure($"still {Starting} after {polls} polls {request.Check.PollSeconds} s apart"))
                        : deploy with { Polls = polls, Waiting = true };
                }

                return Next(plan, StepOutcome.Failure(version is null ? "the version does not exist" : $"{version.Status}: {version.StatusMessage ?? "no status message"}"));

            case BlueGreenAction.SwitchServing:
                await SwitchAsync(request, cancellationToken).ConfigureAwait(false);
                return Next(plan, StepOutcome.Success($"the serving parameter names {plan.NewVersionArn}"));

            case BlueGreenAction.RollBack:
                await RollBackAsync(request, cancellationToken).ConfigureAwait(false);
                return Next(plan, StepOutcome.Success($"the serving parameter names {plan.OldVersionArn ?? "no version"}"));

            case BlueGreenAction.StopNew:
            case BlueGreenAction.StopOld:
                var arn = plan.PendingAction == BlueGreenAction.StopNew ? plan.NewVersionArn : plan.OldVersionArn!;
                return Next(plan, await StopAsync(training, arn, cancellationToken).ConfigureAwait(false));

            default:
                return deploy with { Waiting = false };
        }
    }

    private static DeployProgress Next(BlueGreenDeployment plan, StepOutcome outcome) => new(plan.Next(outcome).State, 0, false);

    private async Task SwitchAsync(DeployStepRequest request, CancellationToken cancellationToken)
    {
        var candidate = request.Candidate;
        var now = ports.Time.GetUtcNow();
        await new SystemStateStore(ports).UpdateAsync(
            state => state.Serving?.ProjectVersionArn == candidate.VersionArn ? state : state with
            {
                Serving = new ServingVersion(candidate.VersionArn, request.CandidateF1, now),
                Candidate = state.Candidate?.ProjectVersionArn == candidate.VersionArn ? null : state.Candidate,
                LastSuccessfulTraining = new SuccessfulTraining(now, candidate.LabeledCount, candidate.VersionArn),
                LastTrainingAttempt = new LastTrainingAttempt(candidate.Fingerprint, TrainingAttemptOutcome.Succeeded, now),
                Counters = state.Counters with { Deployments = state.Counters.Deployments + 1 },
            },
            cancellationToken).ConfigureAwait(false);
    }

    // Restores what served before, exactly as it was recorded; a state that no longer names the new version is left alone.
    private async Task RollBackAsync(DeployStepRequest request, CancellationToken cancellationToken)
    {
        var previous = request.Previous ?? new PreviousServing(null, null);
        await new SystemStateStore(ports).UpdateAsync(
            state => state.Serving?.ProjectVersionArn != request.Candidate.VersionArn ? state : state with
            {
                Serving = previous.Serving,
                LastSuccessfulTraining = previous.LastSuccessfulTraining,
                Counters = state.Counters with { Deployments = Math.Max(0, state.Counters.Deployments - 1) },
            },
            cancellationToken).ConfigureAwait(false);
    }

    // Stopping what is not running (never started, failed to start, already stopped) counts as done; the serving
    // version is never stopped, whatever the plan says, because consumers' images would fail.
    private async Task<StepOutcome> StopAsync(IModelTraining training, string arn, CancellationToken cancellationToken)
    {
        var state = await new SystemStateStore(ports).ReadAsync(cancellationToken).ConfigureAwait(false);
        if (state.Serving?.ProjectVersionArn == arn)
        {
            return StepOutcome.Failure($"{arn} is the serving version; it is not stopped");
        }

        var version = await training.DescribeVersionAsync(arn, cancellationToken).ConfigureAwait(false);
        if (version?.Status is not (Running or Starting))
        {
            return StepOutcome.Success(version is null ? "the version does not exist" : $"nothing to stop: it is {version.Status}");
        }

        await training.StopVersionAsync(arn, cancellationToken).ConfigureAwait(false);
        return StepOutcome.Success("stopping");
    }
}
