using ContinuousImprovement.Handlers.Invocation;

namespace ContinuousImprovement.Handlers.Training;

/// <summary>
/// One poll of the version in training, counted: the workflow waits between polls and gives up (timed-out) when
/// the count reaches the bound, so a training that never ends cannot keep an execution alive for its year.
/// </summary>
public sealed class DescribeTrainingVersion(Ports ports) : IHandler<DescribeVersionRequest, TrainingPoll>
{
    public const string Completed = "TRAINING_COMPLETED";
    public const string InProgress = "TRAINING_IN_PROGRESS";

    public async ValueTask<TrainingPoll> HandleAsync(DescribeVersionRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var polls = request.Polls + 1;
        var version = await TrainingPort.Of(ports).DescribeVersionAsync(request.VersionArn, cancellationToken).ConfigureAwait(false);
        if (version is null)
        {
            return new TrainingPoll(TrainingPoll.Failed, "NOT_FOUND", $"model version {request.VersionArn} does not exist", null, polls);
        }

        var outcome = version.Status switch
        {
            Completed => TrainingPoll.Completed,
            InProgress when polls >= request.MaxPolls => TrainingPoll.TimedOut,
            InProgress => TrainingPoll.InProgress,
            _ => TrainingPoll.Failed,
        };
        return new TrainingPoll(outcome, version.Status, version.StatusMessage, version.F1, polls);
    }
}
