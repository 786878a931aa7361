using ContinuousImprovement.Core.Text;
using ContinuousImprovement.Handlers.Contracts;
using ContinuousImprovement.Handlers.Invocation;
using ContinuousImprovement.Handlers.Notifications;

namespace ContinuousImprovement.Handlers.Training;

/// <summary>
/// Writes the workflow-error notification for a failed training execution: the error, what was done before it and
/// which version serves as far as the execution knows. Touches no port, so it cannot fail for the same reason.
/// </summary>
public sealed class DescribeTrainingFailure : IHandler<DescribeTrainingFailureRequest, TrainingFailureReport>
{
    public ValueTask<TrainingFailureReport> HandleAsync(DescribeTrainingFailureRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var progress = request.Progress;
        var failure = progress.Failure ?? new ErrorInfo("Unknown", "the execution recorded no error");
        var done = new List<string>();
        if (progress.Check is { } check)
        {
            done.Add($"the check found {TrainingText.Images(check.LabeledCount)} ({check.Reason})");
        }

        if (progress.Candidate is { } candidate)
        {
            done.Add($"version {candidate.VersionArn} was created");
        }

        if (progress.Training is { } poll)
        {
            done.Add($"training was polled {poll.Polls} times (last status {poll.Status})");
        }

        if (progress.ServingScore is { } score)
        {
            done.Add(score.F1 is { } f1
                ? $"the serving model scored F1 {TrainingText.F1(f1)} {score.OnImages()}"
                : $"the serving model was not scored on the test images ({score.NotScoredBecause})");
        }

        if (progress.Gate is { } gate)
        {
            done.Add($"the gate {(gate.Pass ? "passed" : "failed")}: {gate.Reason}");
        }

        if (progress.Deploy is { } deploy)
        {
            done.Add($"the deployment stood at: {deploy.Deployment.Summary}");
        }

        if (progress.Released is { } released)
        {
            done.Add($"after the error {released.Summary}");
        }

        var serving = progress.Deploy?.Deployment.ServingVersionArn
            ?? progress.Gate?.Previous?.Serving?.ProjectVersionArn;
        var servingText = progress.Deploy is not null || progress.Gate?.Previous is not null
            ? serving is null ? "No model was serving." : $"The serving parameter should name {serving}; check it."
            : "The serving model was not changed.";
        var message = $"The training workflow stopped with {Printable.Line(failure.Error, 80)}: {Printable.Line(failure.Cause)}\n"
            + (done.Count == 0 ? "Nothing was done before it stopped." : $"Done before it stopped: {string.Join("; ", done)}.")
            + $"\n{servingText}";
        return ValueTask.FromResult(new TrainingFailureReport(
            new NotificationText(NotificationKinds.WorkflowError, "Training workflow failed", message),
            progress.Check?.Settings));
    }
}
