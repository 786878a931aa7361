using ContinuousImprovement.Asl.Tasks;
using ContinuousImprovement.Core.Ports;

namespace ContinuousImprovement.Local.Twin.Integrations;

/// <summary>
/// <c>sns:publish</c> in the twin: the message goes to the notifier port (the outbox), which stands for the one topic
/// the product has, whatever TopicArn the state names. The kind is the message's <c>kind</c> String attribute when it
/// has one; without a subject the mail gets SNS's default email subject.
/// </summary>
public sealed class OutboxSnsSink(INotifier notifier, TimeProvider time) : ISnsPublishSink
{
    /// <summary>What SNS puts on an email when Publish gives no Subject.</summary>
    public const string DefaultSubject = "AWS Notification Message";

    /// <summary>The kind of a message published without a <c>kind</c> attribute.</summary>
    public const string DefaultKind = "sns-publish";

    public async ValueTask PublishAsync(SnsMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        var kind = message.MessageAttributes.TryGetValue("kind", out var attribute) && attribute.StringValue is { Length: > 0 } value ? value : DefaultKind;
        try
        {
            await notifier.PublishAsync(new Notification(kind, message.Subject ?? DefaultSubject, message.Message, time.GetUtcNow()), cancellationToken).ConfigureAwait(false);
        }
        catch (PortException e)
        {
            // SNS's own error names, so a Retry on SNS.ThrottledException behaves as on AWS.
            var code = e.Failure switch
            {
                PortFailure.Throttled => "Throttled",
                PortFailure.NotFound => "NotFound",
                PortFailure.Invalid => "InvalidParameter",
                PortFailure.AccessDenied => "AuthorizationError",
                _ => "InternalError",
            };
            throw new AwsSdkException(code, $"Publishing to {message.TopicArn} failed: {e.Message}");
        }
    }
}
