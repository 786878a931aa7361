namespace ContinuousImprovement.Core.Ports;

/// <summary>A message for subscribers: its event kind (see the catalog), a subject line and a body.</summary>
public sealed record Notification(string Kind, string Subject, string Message, DateTimeOffset At);

/// <summary>Where subscribers hear about events (an SNS topic on AWS, an outbox in the twin).</summary>
public interface INotifier
{
    Task PublishAsync(Notification notification, CancellationToken cancellationToken);
}
