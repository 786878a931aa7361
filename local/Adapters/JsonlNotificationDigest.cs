using ContinuousImprovement.Core.Ports;

namespace ContinuousImprovement.Local.Adapters;

/// <summary>The twin's digest store: notifications waiting for the next digest, one JSON line each.</summary>
public sealed class JsonlNotificationDigest(string path) : INotificationDigest
{
    private readonly NotificationLines lines = new(path);

    public string Path => lines.Path;

    public Task AddAsync(Notification notification, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        lines.Append(notification, $"add to digest {lines.Path}");
        return Task.CompletedTask;
    }

    /// <summary>Everything waiting for the digest, oldest first.</summary>
    public IReadOnlyList<Notification> Pending() => lines.ReadAll();
}
