using System.Text.Json;
using ContinuousImprovement.Core.Ports;

namespace ContinuousImprovement.Local.Adapters;

/// <summary>
/// Notifications as JSON lines, one per notification, appended with a single write so that a reader
/// (the twin's outbox view, a test) never sees half a line from this process.
/// </summary>
internal sealed class NotificationLines(string file)
{
    private readonly string path = System.IO.Path.GetFullPath(file);
    private readonly Lock gate = new();

    public string Path => path;

    public void Append(Notification notification, string what)
    {
        ArgumentNullException.ThrowIfNull(notification);
        var line = JsonSerializer.SerializeToUtf8Bytes(notification, AdaptersJsonContext.Default.Notification);
        var bytes = new byte[line.Length + 1];
        line.CopyTo(bytes, 0);
        bytes[^1] = (byte)'\n';
        IoFailures.Guard(what, () =>
        {
            lock (gate)
            {
                Directory.CreateDirectory(System.IO.Path.GetDirectoryName(path)!);
                using var stream = new FileStream(path, FileMode.Append, FileAccess.Write, FileShare.ReadWrite);
                stream.Write(bytes);
            }

            return true;
        });
    }

    public IReadOnlyList<Notification> ReadAll()
    {
        lock (gate)
        {
            if (!File.Exists(path))
            {
                return [];
            }

            return File.ReadAllLines(path)
                .Where(line => line.Length > 0)
                .Select(line => JsonSerializer.Deserialize(line, AdaptersJsonContext.Default.Notification)!)
                .ToList();
        }
    }
}
