using System.Text.Json;
using ContinuousImprovement.Core.Ports;

namespace ContinuousImprovement.Local.Adapters;

/// <summary>
/// Parameter Store as one JSON file. Every write increments that parameter's version (as SSM does) and
/// replaces the file in one rename, so a reader sees the old file or the new one, never half of one.
/// Writers in other processes are kept out by a lock file beside it.
/// </summary>
public sealed class FileParameterStore : IParameterStore, IDisposable
{
    /// <summary>SSM's limit for a standard parameter's value.</summary>
    public const int MaxValueLength = 4096;

    private static readonly TimeSpan LockWait = TimeSpan.FromSeconds(5);

    private readonly string path;
    private readonly string tempFolder;
    private readonly TimeProvider time;
    private readonly ParsedFileCache<ParameterFile> files = new(bytes => JsonSerializer.Deserialize(bytes, AdaptersJsonContext.Default.ParameterFile) ?? new ParameterFile(new(StringComparer.Ordinal)));
    private readonly SemaphoreSlim gate = new(1, 1);

    public FileParameterStore(string path, TimeProvider? time = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        this.path = Path.GetFullPath(path);
        tempFolder = Path.GetDirectoryName(this.path)!;
        this.time = time ?? TimeProvider.System;
        Directory.CreateDirectory(tempFolder);
    }

    public async Task<IReadOnlyList<StoredParameter>> GetByPathAsync(string path, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (!path.StartsWith('/'))
        {
            throw new PortException(PortFailure.Invalid, $"Parameter path '{path}' must start with '/'.");
        }

        var folder = path.EndsWith('/') ? path : path + "/";
        var file = await ReadAsync(cancellationToken).ConfigureAwait(false);
        return file.Parameters
            .Where(p => p.Key.StartsWith(folder, StringComparison.Ordinal) && !p.Key.AsSpan(folder.Length).Contains('/'))
            .Select(p => new StoredParameter(p.Key, p.Value.Value, p.Value.Version))
            .ToList();
    }

    public async Task<StoredParameter?> GetAsync(string name, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(name);
        var file = await ReadAsync(cancellationToken).ConfigureAwait(false);
        return file.Parameters.TryGetValue(name, out var entry) ? new StoredParameter(name, entry.Value, entry.Version) : null;
    }

    public async Task<long> PutAsync(string name, string value, CancellationToken cancellationToken) =>
        (await WriteAsync(name, value, null, cancellationToken).ConfigureAwait(false)).Version;

    /// <summary>As SSM: a create (over version 0) is refused when the parameter exists; an overwrite always lands.</summary>
    public Task<ParameterWrite> PutAfterAsync(string name, string value, long expectedVersion, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(expectedVersion);
        return WriteAsync(name, value, expectedVersion, cancellationToken);
    }

    private async Task<ParameterWrite> WriteAsync(string name, string value, long? expectedVersion, CancellationToken cancellationToken)
    {
        CheckName(name);
        ArgumentNullException.ThrowIfNull(value);
        if (value.Length is 0 or > MaxValueLength)
        {
            throw new PortException(PortFailure.Invalid, $"Parameter {name}: a value must have 1 to {MaxValueLength} characters (it has {value.Length}).");
        }

        await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            return await IoFailures.GuardAsync($"PutParameter {name}", async () =>
            {
                using var fileLock = await LockAsync(cancellationToken).ConfigureAwait(false);
                // A copy: the loaded file may be the cached parse that readers share.
                var file = new ParameterFile(new(Load().Parameters, StringComparer.Ordinal));
                var exists = file.Parameters.TryGetValue(name, out var current);
                if (expectedVersion == 0 && exists)
                {
                    throw new PortException(PortFailure.Conflict, $"Parameter {name} already exists (version {current!.Version}); it was to be created.");
                }

                var version = exists ? current!.Version + 1 : 1;
                file.Parameters[name] = new ParameterEntry(value, version, time.GetUtcNow());
                AtomicFile.Replace(path, JsonSerializer.SerializeToUtf8Bytes(file, AdaptersJsonContext.Default.ParameterFile), tempFolder);
                return new ParameterWrite(expectedVersion ?? version - 1, version);
            }).ConfigureAwait(false);
        }
        finally
        {
            gate.Release();
        }
    }

    public void Dispose() => gate.Dispose();

    private Task<ParameterFile> ReadAsync(CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();

        // Replacement is a rename, so reading needs no lock.
        return Task.FromResult(IoFailures.Guard("GetParameters", Load));
    }

    private ParameterFile Load() =>
        files.Read(path) ?? new ParameterFile(new(StringComparer.Ordinal));


    private async Task<FileStream> LockAsync(CancellationToken cancellationToken)
    {
        // Real time, not the injected clock: a test's frozen clock must not make a busy lock wait forever.
        // The lock file stays: deleting it on close would let a waiter lock a file no one else sees.
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (true)
        {
            try
            {
                return new FileStream(path + ".lock", FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            }
            catch (IOException) when (waited.Elapsed < LockWait)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(20), cancellationToken).ConfigureAwait(false);
            }
            catch (IOException e)
            {
                throw new PortException(PortFailure.Timeout, $"The parameter file {path} stayed locked by another writer for {LockWait.TotalSeconds} s.", e);
            }
        }
    }

    private static void CheckName(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var valid = name.Length is > 0 and <= 1011
            && name.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '.' or '-' or '/')
            && !name.Contains("//", StringComparison.Ordinal)
            && !name.EndsWith('/');
        if (!valid)
        {
            throw new PortException(PortFailure.Invalid, $"Parameter name '{name}' is not valid: letters, digits, '_', '.', '-' and single '/' between folders.");
        }
    }
}
