using ContinuousImprovement.Core.Text;
using System.Text.Json;
using ContinuousImprovement.Core.Ports;

namespace ContinuousImprovement.Local.Adapters;

/// <summary>
/// The twin's schedules as one JSON file (name → enabled and period in minutes), which the twin's scheduler
/// reads. Applying replaces the file in one rename, so a reader never sees half a write.
/// </summary>
public sealed class FileSchedules : ISchedules
{
    private readonly string path;
    private readonly string tempFolder;
    private readonly Lock gate = new();

    public FileSchedules(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        this.path = Path.GetFullPath(path);
        tempFolder = Path.GetDirectoryName(this.path)!;
    }

    public Task<ScheduleSetting?> GetAsync(string name, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(name);
        cancellationToken.ThrowIfCancellationRequested();
        var all = IoFailures.Guard($"read schedule {name}", Load);
        return Task.FromResult(all.TryGetValue(name, out var entry) ? entry.ToSetting(name) : null);
    }

    public Task ApplyAsync(ScheduleSetting setting, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(setting);
        cancellationToken.ThrowIfCancellationRequested();
        if (string.IsNullOrWhiteSpace(setting.Name) || setting.Every <= TimeSpan.Zero)
        {
            throw new PortException(PortFailure.Invalid, $"Schedule {Printable.Quote(setting.Name, maxChars: 120)} needs a name and a positive period (got {setting.Every}).");
        }

        IoFailures.Guard($"apply schedule {setting.Name}", () =>
        {
            lock (gate)
            {
                var all = Load();
                all[setting.Name] = new ScheduleEntry(setting.Enabled, (long)setting.Every.TotalMinutes);
                AtomicFile.Replace(path, JsonSerializer.SerializeToUtf8Bytes(all, SchedulesJsonContext.Default.SortedDictionaryStringScheduleEntry), tempFolder);
                return true;
            }
        });
        return Task.CompletedTask;
    }

    /// <summary>Every schedule applied so far, by name.</summary>
    public IReadOnlyDictionary<string, ScheduleSetting> All() =>
        IoFailures.Guard("read schedules", Load).ToDictionary(e => e.Key, e => e.Value.ToSetting(e.Key), StringComparer.Ordinal);

    // Ordinal order whatever the culture, so the file's order never depends on the machine that wrote it.
    private SortedDictionary<string, ScheduleEntry> Load() =>
        File.Exists(path) && JsonSerializer.Deserialize(File.ReadAllBytes(path), SchedulesJsonContext.Default.SortedDictionaryStringScheduleEntry) is { } read
            ? new(read, StringComparer.Ordinal)
            : new(StringComparer.Ordinal);
}
