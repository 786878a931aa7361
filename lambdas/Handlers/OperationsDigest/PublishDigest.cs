using ContinuousImprovement.Core.Ports;
using ContinuousImprovement.Handlers.Invocation;

namespace ContinuousImprovement.Handlers.OperationsDigest;

/// <summary>
/// Mails the digest to the subscribers (<see cref="INotifier"/>, kind <see cref="OperationsKinds.Digest"/>). Its own
/// step, so that a failure of the mark that follows is retried alone, without mailing again.
/// </summary>
public sealed class PublishDigest(Ports ports) : IHandler<PublishDigestRequest, DigestPublished>
{
    public async ValueTask<DigestPublished> HandleAsync(PublishDigestRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var mail = request.Mail ?? throw new HandlerException(HandlerErrors.InvalidInput, "There is no digest mail to publish.");
        await ports.Notifier.PublishAsync(new Notification(OperationsKinds.Digest, mail.Subject, mail.Message, ports.Time.GetUtcNow()), cancellationToken).ConfigureAwait(false);
        return new DigestPublished(OperationsKinds.Digest, mail.Count);
    }
}
