namespace ContinuousImprovement.Core.Ports;

/// <summary>
/// Where notifications routed to the digest wait for the next periodic digest mail (a DynamoDB table or an
/// SQS queue on AWS, a file in the twin), so that subscribers get one mail per period instead of one per image.
/// </summary>
public interface INotificationDigest
{
    /// <summary>Keeps one notification for the next digest.</summary>
    Task AddAsync(Notification notification, CancellationToken cancellationToken);
}
