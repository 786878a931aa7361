using ContinuousImprovement.Aws.A2iRuntime;
using ContinuousImprovement.Aws.Errors;
using ContinuousImprovement.Core.Ports;
using ContinuousImprovement.Core.Review;

namespace ContinuousImprovement.Aws.Adapters;

/// <summary>
/// <see cref="IHumanReview"/> on Amazon A2I: StartHumanLoop with the flow definition and the input the worker task
/// template reads (<see cref="ReviewTaskInput"/>, the same document the twin's review portal renders the template
/// with). A2I refuses a second loop with the same name (409 ConflictException), which is how a re-delivered event
/// shows: <see cref="ReviewStart.AlreadyStarted"/>.
/// </summary>
public sealed class A2iHumanReview(A2iRuntimeClient client, string flowDefinitionArn) : IHumanReview
{
    public async Task<ReviewStart> StartAsync(ReviewRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Labels.Count == 0)
        {
            throw new PortException(PortFailure.Invalid, $"Human loop {request.HumanLoopName} offers no label to choose from.");
        }

        var start = new StartHumanLoopRequest(request.HumanLoopName, flowDefinitionArn, new HumanLoopInput(ReviewTaskInput.ToJson(request)));
        try
        {
            await client.StartHumanLoopAsync(start, cancellationToken).ConfigureAwait(false);
            return ReviewStart.Started;
        }
        catch (AwsServiceException e) when (e.Error.Kind == AwsErrorKind.Conflict)
        {
            return ReviewStart.AlreadyStarted;
        }
        catch (Exception e) when (PortFailures.From($"start human loop {request.HumanLoopName}", e, cancellationToken) is { } port && !ReferenceEquals(port, e))
        {
            throw port;
        }
    }

    public async Task<HumanLoopStatus?> StatusAsync(string humanLoopName, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(humanLoopName);
        try
        {
            var response = await client.DescribeHumanLoopAsync(new DescribeHumanLoopRequest(humanLoopName), cancellationToken).ConfigureAwait(false);
            return Enum.TryParse<HumanLoopStatus>(response.HumanLoopStatus, ignoreCase: false, out var status)
                ? status
                : throw new PortException(PortFailure.Unavailable, $"describe human loop {humanLoopName}: unknown status {response.HumanLoopStatus}.");
        }
        catch (AwsServiceException e) when (e.Error.Kind == AwsErrorKind.ResourceNotFound)
        {
            return null;
        }
        catch (Exception e) when (PortFailures.From($"describe human loop {humanLoopName}", e, cancellationToken) is { } port && !ReferenceEquals(port, e))
        {
            throw port;
        }
    }
}
