namespace ContinuousImprovement.Asl.Tasks;

/// <summary>
/// Where the local <c>sns:publish</c> integration delivers (the twin's outbox, a test's list). A service error
/// is thrown as <see cref="AwsSdkException"/> with SNS's name for it (e.g. <c>NotFound</c>), which the task
/// reports as <c>SNS.NotFoundException</c>.
/// </summary>
public interface ISnsPublishSink
{
    ValueTask PublishAsync(SnsMessage message, CancellationToken cancellationToken);
}
