using System.Text.Json;

namespace ContinuousImprovement.Local.Adapters;

/// <summary>
/// A trainer that learns nothing: the n-th version created takes the n-th entry of a JSON plan file (a list of
/// <see cref="LocalPlannedVersion"/>), read at each training so a test or an operator of the twin can append to
/// it. A version with no entry fails to train, saying so. Predictions default to the version's top label being
/// right on nothing in particular: <c>otherwise</c> answers every image unless the plan says more.
/// </summary>
public sealed class ScriptedTrainer(string planFile) : ILocalTrainer
{
    public static readonly TimeSpan DefaultTrainingTime = TimeSpan.FromMinutes(45);

    private readonly string planFile = Path.GetFullPath(planFile);

    /// <summary>Writes (replaces) the plan.</summary>
    public static void Save(string planFile, IReadOnlyList<LocalPlannedVersion> plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var full = Path.GetFullPath(planFile);
        AtomicFile.Replace(full, JsonSerializer.SerializeToUtf8Bytes(plan.ToList(), LocalTrainingJsonContext.Default.ListLocalPlannedVersion), Path.GetDirectoryName(full)!);
    }

    public Task<LocalTrainingResult> TrainAsync(LocalTrainingJob job, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(job);
        var plan = IoFailures.Guard($"read the training plan {planFile}", () => File.Exists(planFile)
            ? JsonSerializer.Deserialize(File.ReadAllBytes(planFile), LocalTrainingJsonContext.Default.ListLocalPlannedVersion)
            : null) ?? [];
        if (job.Sequence > plan.Count)
        {
            return Task.FromResult(new LocalTrainingResult(false, $"no planned outcome for version #{job.Sequence} in {planFile}", null, new Dictionary<string, IReadOnlyList<LocalLabel>>(), null, DefaultTrainingTime));
        }

        var planned = plan[job.Sequence - 1];
        var time = planned.TrainingMinutes is { } minutes ? TimeSpan.FromMinutes(minutes) : DefaultTrainingTime;
        var predictions = planned.Predictions ?? new Dictionary<string, IReadOnlyList<LocalLabel>>();
        return Task.FromResult(planned.Failure is { } failure
            ? new LocalTrainingResult(false, failure, null, predictions, planned.Otherwise, time)
            : new LocalTrainingResult(true, "The model is ready.", planned.F1 ?? 0, predictions, planned.Otherwise, time, planned.StartFailure));
    }
}
