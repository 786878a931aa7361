using System.Text;
using System.Text.Json;
using ContinuousImprovement.Core.Notifications;
using ContinuousImprovement.Core.Ports;
using ContinuousImprovement.Core.Text;

namespace ContinuousImprovement.Local.Adapters;

/// <summary>
/// The twin's digest store: the notifications waiting for the next digest, one JSON line each in
/// <see cref="Path"/> (the same lines as before claims existed, so an older file is read as it is), and the digest
/// run's claim in <c>&lt;path&gt;.claim.json</c>. Marking a claim sent rewrites the file without its notifications
/// (one rename) and then deletes the claim, so a mark cut short is finished by the next one. Every change, appends
/// included, holds a lock file beside it (<c>&lt;path&gt;.lock</c>) as well as an in-process lock: a rewrite must not
/// drop a line another process appends meanwhile.
/// </summary>
public sealed class JsonlNotificationDigest : INotificationDigest
{
    private static readonly TimeSpan LockWait = TimeSpan.FromSeconds(10);

    private readonly string path;
    private readonly string claimPath;
    private readonly string lockPath;
    private readonly string tempFolder;
    private readonly Lock gate = new();

    public JsonlNotificationDigest(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        this.path = System.IO.Path.GetFullPath(path);
        claimPath = this.path + ".claim.json";
        lockPath = this.path + ".lock";
        tempFolder = System.IO.Path.GetDirectoryName(this.path)!;
    }

    public string Path => path;

    public Task AddAsync(Notification notification, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(notification);
        cancellationToken.ThrowIfCancellationRequested();
        var line = JsonSerializer.SerializeToUtf8Bytes(notification, AdaptersJsonContext.Default.Notification);
        var bytes = new byte[line.Length + 1];
        line.CopyTo(bytes, 0);
        bytes[^1] = (byte)'\n';
        Locked($"add to digest {path}", () =>
        {
            // One write of the whole line: a reader without the lock never sees half of it.
            using var stream = new FileStream(path, FileMode.Append, FileAccess.Write, FileShare.ReadWrite);
            stream.Write(bytes);
            return true;
        });
        return Task.CompletedTask;
    }

    public Task<DigestClaim?> CurrentClaimAsync(CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();

        // The claim file is only ever replaced by a rename or deleted, so reading needs no lock.
        return Task.FromResult(IoFailures.Guard($"read the digest claim {claimPath}", ReadClaim));
    }

    public Task<bool> TryClaimAsync(DigestClaim? expected, DigestClaim claim, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(claim);
        cancellationToken.ThrowIfCancellationRequested();
        return Task.FromResult(Locked($"claim the digest {claimPath}", () =>
        {
            if (ReadClaim() != expected)
            {
                return false;
            }

            AtomicFile.Replace(claimPath, JsonSerializer.SerializeToUtf8Bytes(claim, DigestJsonContext.Default.DigestClaim), tempFolder);
            return true;
        }));
    }

    public async IAsyncEnumerable<Notification> WaitingAsync(DateTimeOffset addedBefore, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var waiting = Locked($"read the digest {path}", () => ReadLines().Where(l => l.Notification.At < addedBefore).Select(l => l.Notification).ToList());
        foreach (var notification in waiting)
        {
            cancellationToken.ThrowIfCancellationRequested();
            yield return notification;
        }

        await Task.CompletedTask.ConfigureAwait(false);
    }

    public Task<bool> MarkSentAsync(DigestClaim claim, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(claim);
        cancellationToken.ThrowIfCancellationRequested();
        return Task.FromResult(Locked($"mark the digest {claim.DigestId} sent in {path}", () =>
        {
            var stored = ReadClaim();
            if (stored is null)
            {
                return true;
            }

            if (stored != claim)
            {
                return false;
            }

            var lines = ReadLines();
            var kept = lines.Where(l => l.Notification.At >= claim.Through).ToList();
            if (kept.Count != lines.Count)
            {
                var text = new StringBuilder();
                foreach (var line in kept)
                {
                    text.Append(line.Text).Append('\n');
                }

                AtomicFile.Replace(path, Encoding.UTF8.GetBytes(text.ToString()), tempFolder);
            }

            File.Delete(claimPath);
            return true;
        }));
    }

    /// <summary>Everything waiting for the digest, oldest first.</summary>
    public IReadOnlyList<Notification> Pending() =>
        Locked($"read the digest {path}", () => ReadLines().Select(l => l.Notification).ToList());

    private DigestClaim? ReadClaim() =>
        File.Exists(claimPath) ? JsonSerializer.Deserialize(File.ReadAllBytes(claimPath), DigestJsonContext.Default.DigestClaim) : null;

    // A line that is not a notification stops the digest with its place named, rather than being dropped by a rewrite.
    private List<(string Text, Notification Notification)> ReadLines()
    {
        if (!File.Exists(path))
        {
            return [];
        }

        var read = new List<(string, Notification)>();
        var number = 0;
        foreach (var line in File.ReadLines(path))
        {
            number++;
            if (line.Length == 0)
            {
                continue;
            }

            Notification? notification;
            try
            {
                notification = JsonSerializer.Deserialize(line, AdaptersJsonContext.Default.Notification);
            }
            catch (JsonException e)
            {
                throw new PortException(PortFailure.Invalid, $"Line {number} of {path} is not a notification ({e.Message}): {Printable.Quote(line, maxChars: 120)}; fix or remove it.", e);
            }

            read.Add((line, notification ?? throw new PortException(PortFailure.Invalid, $"Line {number} of {path} is null, not a notification; remove it.")));
        }

        return read;
    }

    private T Locked<T>(string what, Func<T> action) =>
        IoFailures.Guard(what, () =>
        {
            lock (gate)
            {
                Directory.CreateDirectory(tempFolder);
                using var fileLock = LockFile(what);
                return action();
            }
        });

    // Real time: the lock is about other processes, not the twin's clock. The lock file stays: deleting it on close
    // would let a waiter lock a file no one else sees.
    private FileStream LockFile(string what)
    {
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (true)
        {
            try
            {
                return new FileStream(lockPath, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            }
            catch (IOException) when (waited.Elapsed < LockWait)
            {
                Thread.Sleep(20);
            }
            catch (IOException e)
            {
                throw new PortException(PortFailure.Timeout, $"{what}: {lockPath} stayed locked by another process for {LockWait.TotalSeconds} s.", e);
            }
        }
    }
}
