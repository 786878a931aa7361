using ContinuousImprovement.Core.Text;
using ContinuousImprovement.Core.Notifications;
using ContinuousImprovement.Core.Ports;
using ContinuousImprovement.Core.Settings;
using ContinuousImprovement.Handlers.Invocation;
using ContinuousImprovement.Handlers.Settings;

namespace ContinuousImprovement.Handlers.Notifications;

/// <summary>
/// Sends a workflow's notification the way the operator asked (<see cref="NotificationPolicy"/>): mailed at
/// once, kept for the digest, or only logged. Shared by every workflow.
/// </summary>
public sealed class Notify(Ports ports) : IHandler<NotifyRequest, NotifyResult>
{
    public const string Name = "notify";

    public async ValueTask<NotifyResult> HandleAsync(NotifyRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Notification is not { } text)
        {
            return NotifyResult.NothingToSay;
        }

        if (!ports.Catalog.EventKinds.Any(k => k.Name == text.Kind))
        {
            throw new HandlerException(HandlerErrors.InvalidInput, $"{Printable.Quote(text.Kind, maxChars: 120)} is not an event kind of the catalog; known: {string.Join(", ", ports.Catalog.EventKinds.Select(k => k.Name))}.");
        }

        var (policy, note) = await PolicyAsync(request.Settings, cancellationToken).ConfigureAwait(false);
        var notification = new Notification(text.Kind, text.Subject, text.Message, ports.Time.GetUtcNow());
        var route = policy.Route(text.Kind);
        switch (route)
        {
            case NotificationRoute.Immediately:
                await ports.Notifier.PublishAsync(notification, cancellationToken).ConfigureAwait(false);
                break;
            case NotificationRoute.Digest:
                await ports.Digest.AddAsync(notification, cancellationToken).ConfigureAwait(false);
                break;
            default:
                break;
        }

        return new NotifyResult(text.Kind, RouteName(route), note);
    }

    /// <summary>
    /// The snapshot's policy, else the one in force. When the settings cannot be read at all the catalog
    /// defaults route the notification: it may be the very failure report saying Parameter Store is down, and
    /// it must still go out.
    /// </summary>
    private async Task<(NotificationPolicy Policy, string? Note)> PolicyAsync(IReadOnlyDictionary<string, string>? snapshot, CancellationToken cancellationToken)
    {
        if (snapshot is not null)
        {
            return (SettingsSnapshot.Read(ports.Catalog, snapshot).Notifications, null);
        }

        try
        {
            var inForce = await new SettingsReader(ports.Parameters, ports.Catalog).ReadAsync(cancellationToken).ConfigureAwait(false);
            return (inForce.Operator.Notifications, null);
        }
        catch (Exception e) when (e is PortException or HandlerException)
        {
            return (OperatorSettings.Defaults(ports.Catalog).Notifications, $"routed by the catalog defaults: the settings could not be read ({e.Message})");
        }
    }

    private static string RouteName(NotificationRoute route) => route switch
    {
        NotificationRoute.Immediately => "immediately",
        NotificationRoute.Digest => "digest",
        _ => "log-only",
    };
}
