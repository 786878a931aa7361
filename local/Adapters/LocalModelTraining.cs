using ContinuousImprovement.Core.Text;
using System.Globalization;
using System.Text;
using System.Text.Json;
using ContinuousImprovement.Core.Ports;
using ContinuousImprovement.Core.Storage;

namespace ContinuousImprovement.Local.Adapters;

/// <summary>
/// Rekognition Custom Labels' project versions over a folder, moving through Rekognition's statuses on the clock:
/// TRAINING_IN_PROGRESS → TRAINING_COMPLETED or TRAINING_FAILED after the trainer's training time, STARTING →
/// RUNNING (or FAILED) after <see cref="StartTime"/>, STOPPING → STOPPED after <see cref="StopTime"/>. With the
/// engine's virtual clock a workflow's Wait states are what let training "finish".
/// <para>
/// It shares its folder with <see cref="LocalModelRuntime"/>: every status change is written to the version's
/// runtime file too, so the runtime detects with a version exactly when this adapter last reported it RUNNING.
/// Changes due on the clock are applied when the version is next touched (described, started, stopped) — the
/// workflow describes a version before it relies on it, as it must on AWS.
/// </para>
/// <para>
/// A trainer that hands over a trained model (the twin's ML.NET trainer) has it stored as
/// <c>versions/&lt;escaped ARN&gt;.model</c> next to the version's record, so versions and their models outlive the
/// process; the runtime then answers from the model instead of fixed predictions.
/// </para>
/// Fails as Rekognition does: an empty or duplicate version name is Invalid or Conflict; starting a version that is
/// not TRAINING_COMPLETED or STOPPED, or stopping one that is not RUNNING or STARTING, is Conflict
/// (ResourceInUseException); an unknown version is NotFound (described: null, as DescribeProjectVersions lists none).
/// </summary>
public sealed class LocalModelTraining(string folder, IObjectStore objects, ILocalTrainer trainer, TimeProvider? time = null) : IModelTraining, IDisposable
{
    public const string TrainingInProgress = "TRAINING_IN_PROGRESS";
    public const string TrainingCompleted = "TRAINING_COMPLETED";
    public const string TrainingFailed = "TRAINING_FAILED";
    public const string Starting = "STARTING";
    public const string Running = LocalModelRuntime.Running;
    public const string Failed = "FAILED";
    public const string Stopping = "STOPPING";
    public const string Stopped = "STOPPED";

    private readonly string folder = Path.GetFullPath(folder);
    private readonly TimeProvider time = time ?? TimeProvider.System;
    private readonly SemaphoreSlim gate = new(1, 1);

    public TimeSpan StartTime { get; init; } = TimeSpan.FromMinutes(5);

    public TimeSpan StopTime { get; init; } = TimeSpan.FromMinutes(1);

    public void Dispose() => gate.Dispose();

    private string RecordsFolder => Path.Combine(folder, "versions");

    public async Task<string> CreateVersionAsync(string projectArn, string versionName, S3ObjectRef trainingManifest, S3ObjectRef testManifest, S3ObjectRef outputPrefix, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(trainingManifest);
        ArgumentNullException.ThrowIfNull(testManifest);
        RequireNames(projectArn, versionName);
        var train = await ReadManifestAsync(trainingManifest, cancellationToken).ConfigureAwait(false);
        var test = await ReadManifestAsync(testManifest, cancellationToken).ConfigureAwait(false);
        return await RegisterAsync(
            projectArn,
            versionName,
            (arn, sequence) => trainer.TrainAsync(new LocalTrainingJob(arn, versionName, sequence, train, test), cancellationToken),
            completeNow: false,
            cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Registers a version trained outside any workflow — the twin's initial model, trained on a seed set — as
    /// Rekognition would have it once training ended: TRAINING_COMPLETED (or TRAINING_FAILED when
    /// <paramref name="result"/> failed) at once, whatever <see cref="LocalTrainingResult.TrainingTime"/> says. Its
    /// model is stored as a created version's is; the caller starts it with <see cref="StartVersionAsync"/>.
    /// Refused as <see cref="CreateVersionAsync"/> is: empty names Invalid, a taken version name Conflict.
    /// </summary>
    /// <returns>The new version's ARN, named as Rekognition names it.</returns>
    public Task<string> AddTrainedVersionAsync(string projectArn, string versionName, LocalTrainingResult result, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(result);
        RequireNames(projectArn, versionName);
        return RegisterAsync(projectArn, versionName, (_, _) => Task.FromResult(result), completeNow: true, cancellationToken);
    }

    /// <summary>
    /// What this adapter keeps about a version, with the change due by now applied; null for an unknown one. Beyond
    /// <see cref="DescribeVersionAsync"/> (whose port has room for the macro F1 only) it holds the per-label scores
    /// and the model file. They are known from creation on, whereas Describe, as Rekognition, shows an evaluation
    /// only once training has completed.
    /// </summary>
    public async Task<LocalVersionRecord?> DescribeLocalVersionAsync(string projectVersionArn, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(projectVersionArn);
        await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            return Current(projectVersionArn);
        }
        finally
        {
            gate.Release();
        }
    }

    public async Task<ModelVersion?> DescribeVersionAsync(string projectVersionArn, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(projectVersionArn);
        await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            return Current(projectVersionArn) is { } record
                ? new ModelVersion(record.Arn, record.Status, record.StatusMessage, HasEvaluation(record.Status) ? record.F1 : null, record.InferenceUnits)
                : null;
        }
        finally
        {
            gate.Release();
        }
    }

    public async Task StartVersionAsync(string projectVersionArn, int minInferenceUnits, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(projectVersionArn);
        if (minInferenceUnits < 1)
        {
            throw new PortException(PortFailure.Invalid, $"MinInferenceUnits must be at least 1; got {minInferenceUnits}.");
        }

        await ChangeAsync(projectVersionArn, "start", [TrainingCompleted, Stopped], record => record with
        {
            Status = Starting,
            StatusMessage = "The model is being started.",
            NextStatus = record.StartFailure is null ? Running : Failed,
            NextStatusMessage = record.StartFailure ?? "The model is running.",
            NextAt = time.GetUtcNow() + StartTime,
            InferenceUnits = minInferenceUnits,
        }, cancellationToken).ConfigureAwait(false);
    }

    public Task StopVersionAsync(string projectVersionArn, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(projectVersionArn);
        return ChangeAsync(projectVersionArn, "stop", [Running, Starting], record => record with
        {
            Status = Stopping,
            StatusMessage = "The model is being stopped.",
            NextStatus = Stopped,
            NextStatusMessage = "The model is stopped.",
            NextAt = time.GetUtcNow() + StopTime,
        }, cancellationToken);
    }

    /// <summary>Every version, oldest first, with the changes due by now applied.</summary>
    public async Task<IReadOnlyList<LocalVersionRecord>> VersionsAsync(CancellationToken cancellationToken)
    {
        await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            return All().Select(r => Current(r.Arn)!).OrderBy(r => r.Sequence).ToList();
        }
        finally
        {
            gate.Release();
        }
    }

    // Training runs under the gate: the sequence number a trainer is given must be unique, and a real training
    // takes seconds (a describe of another version waits that long, which the workflows tolerate).
    private async Task<string> RegisterAsync(string projectArn, string versionName, Func<string, int, Task<LocalTrainingResult>> train, bool completeNow, CancellationToken cancellationToken)
    {
        await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var all = All();
            if (all.Any(r => r.ProjectArn == projectArn && r.VersionName == versionName))
            {
                throw new PortException(PortFailure.Conflict, $"Project {Printable.Quote(projectArn, maxChars: 120)} already has a version named {Printable.Quote(versionName, maxChars: 120)}.");
            }

            var now = time.GetUtcNow();
            var arn = $"{ProjectPrefix(projectArn)}/version/{versionName}/{now.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture)}";
            var sequence = all.Count + 1;
            var result = await train(arn, sequence).ConfigureAwait(false);
            var outcome = result.Succeeded ? TrainingCompleted : TrainingFailed;
            var modelFile = result is { Succeeded: true, Model: { } model } ? SaveModel(arn, model) : null;
            var record = new LocalVersionRecord(
                arn, projectArn, versionName, sequence, now, TrainingInProgress, "The model is being trained.",
                outcome, result.StatusMessage, now + result.TrainingTime,
                result.Succeeded ? result.F1 : null, null, result.StartFailure, result.Predictions, result.Otherwise,
                modelFile, result.Succeeded ? result.LabelScores : null);
            Save(completeNow ? record with { Status = outcome, StatusMessage = result.StatusMessage, NextStatus = null, NextStatusMessage = null, NextAt = null } : record);
            return arn;
        }
        finally
        {
            gate.Release();
        }
    }

    // Next to the version's record, so the model outlives the process; a version's model never changes, which
    // lets predictors keep it loaded by path.
    private string SaveModel(string arn, ReadOnlyMemory<byte> model)
    {
        var relative = Path.Combine(Path.GetFileName(RecordsFolder), Uri.EscapeDataString(arn) + ".model");
        IoFailures.Guard($"write the model of version {arn}", () =>
        {
            AtomicFile.Replace(Path.Combine(folder, relative), model.Span, Path.Combine(folder, ".tmp"));
            return true;
        });
        return relative;
    }

    private static void RequireNames(string projectArn, string versionName)
    {
        if (string.IsNullOrWhiteSpace(projectArn) || string.IsNullOrWhiteSpace(versionName))
        {
            throw new PortException(PortFailure.Invalid, "CreateProjectVersion needs a project ARN and a version name.");
        }
    }

    private async Task ChangeAsync(string arn, string what, string[] allowed, Func<LocalVersionRecord, LocalVersionRecord> change, CancellationToken cancellationToken)
    {
        await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var record = Current(arn) ?? throw new PortException(PortFailure.NotFound, $"Model version {Printable.Quote(arn, maxChars: 120)} does not exist.");
            if (!allowed.Contains(record.Status))
            {
                throw new PortException(PortFailure.Conflict, $"Cannot {what} model version {Printable.Quote(arn, maxChars: 120)}: it is {record.Status}, not {string.Join(" or ", allowed)}.");
            }

            Save(change(record));
        }
        finally
        {
            gate.Release();
        }
    }

    // The record with the change due by now applied (and saved, runtime file included).
    private LocalVersionRecord? Current(string arn)
    {
        var path = RecordPath(arn);
        var record = IoFailures.Guard($"read model version {arn}", () => File.Exists(path)
            ? JsonSerializer.Deserialize(File.ReadAllBytes(path), LocalTrainingJsonContext.Default.LocalVersionRecord)
            : null);
        if (record is { NextStatus: { } next, NextAt: { } at } && time.GetUtcNow() >= at)
        {
            record = record with { Status = next, StatusMessage = record.NextStatusMessage, NextStatus = null, NextStatusMessage = null, NextAt = null };
            Save(record);
        }

        return record;
    }

    private List<LocalVersionRecord> All() =>
        IoFailures.Guard("list model versions", () => Directory.Exists(RecordsFolder)
            ? Directory.EnumerateFiles(RecordsFolder, "*.json")
                .Select(f => JsonSerializer.Deserialize(File.ReadAllBytes(f), LocalTrainingJsonContext.Default.LocalVersionRecord)!)
                .ToList()
            : []);

    private void Save(LocalVersionRecord record)
    {
        IoFailures.Guard($"write model version {record.Arn}", () =>
        {
            AtomicFile.Replace(RecordPath(record.Arn), JsonSerializer.SerializeToUtf8Bytes(record, LocalTrainingJsonContext.Default.LocalVersionRecord), Path.Combine(folder, ".tmp"));
            LocalModelRuntime.Save(folder, new LocalModelVersion(record.Arn, record.Status, record.Predictions, record.Otherwise, record.ModelFile));
            return true;
        });
    }

    private async Task<string> ReadManifestAsync(S3ObjectRef manifest, CancellationToken cancellationToken)
    {
        var content = await objects.GetAsync(manifest.Bucket, manifest.Key, cancellationToken).ConfigureAwait(false)
            ?? throw new PortException(PortFailure.Invalid, $"Manifest {Printable.Quote(manifest.Uri, maxChars: 120)} does not exist.");
        return Encoding.UTF8.GetString(content.Body.Span);
    }

    // Rekognition names versions under the project's ARN without its creation timestamp:
    // project/ci/1769000000000 → project/ci/version/<name>/<timestamp>.
    private static string ProjectPrefix(string projectArn)
    {
        var slash = projectArn.LastIndexOf('/');
        return slash > 0 && projectArn[(slash + 1)..].All(char.IsAsciiDigit) && slash < projectArn.Length - 1 ? projectArn[..slash] : projectArn;
    }

    private static bool HasEvaluation(string status) => status is TrainingCompleted or Starting or Running or Failed or Stopping or Stopped;

    private string RecordPath(string arn) => Path.Combine(RecordsFolder, Uri.EscapeDataString(arn) + ".json");
}
