using ContinuousImprovement.Core.Ports;

namespace ContinuousImprovement.Local.Adapters;

/// <summary>The twin's stand-in for the SNS topic: every published notification is a JSON line in one file.</summary>
public sealed class JsonlOutbox(string path) : INotifier
{
    private readonly NotificationLines lines = new(path);

    public string Path => lines.Path;

    public Task PublishAsync(Notification notification, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        lines.Append(notification, $"publish to {lines.Path}");
        return Task.CompletedTask;
    }

    /// <summary>Everything published so far, oldest first.</summary>
    public IReadOnlyList<Notification> Published() => lines.ReadAll();
}
