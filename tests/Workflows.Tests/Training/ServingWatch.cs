using ContinuousImprovement.Core.Parameters;
using ContinuousImprovement.Core.Ports;
using ContinuousImprovement.Core.State;
using ContinuousImprovement.Core.Storage;
using ContinuousImprovement.Local.Adapters;

namespace ContinuousImprovement.Workflows.Tests.Training;

/// <summary>
/// Watches the serving invariant at every instant it could break: each write of the system parameter must name a
/// serving version that is RUNNING (and, once one served, name one at all), and no version may be stopped while the
/// system parameter names it. Sits between the handlers and the real adapters, below any injected fault.
/// </summary>
internal sealed class ServingWatch(LocalModelTraining training, IParameterStore stored, ParameterCatalog catalog)
{
    private readonly List<string> violations = [];
    private readonly List<string?> servingHistory = [];

    public IReadOnlyList<string> Violations => violations;

    /// <summary>The serving version each write of the system parameter named, in order (null: none).</summary>
    public IReadOnlyList<string?> ServingHistory => servingHistory;

    public string? Serving { get; private set; }

    public void Seed(string? serving) => Serving = serving;

    public IParameterStore Watch(IParameterStore inner) => new WatchedParameters(inner, this, catalog.FullName(catalog.SystemParameter.Name));

    public IModelTraining Watch(IModelTraining inner) => new WatchedTraining(inner, this);

    private async Task OnStateWrittenAsync(string json)
    {
        var state = SystemStateDocument.Parse(json).State;
        var serving = state?.Serving?.ProjectVersionArn;
        servingHistory.Add(serving);
        if (serving is null)
        {
            if (Serving is not null)
            {
                violations.Add($"the system parameter stopped naming a serving version (was {Serving})");
            }
        }
        else
        {
            var version = await training.DescribeVersionAsync(serving, default);
            if (version?.Status != LocalModelTraining.Running)
            {
                violations.Add($"the system parameter names {serving}, which is {version?.Status ?? "unknown"}, not RUNNING");
            }
        }

        Serving = serving;
    }

    // Reads the stored parameter, not the last write seen: a write that landed but reported a failure counts too.
    private async Task OnStopAsync(string arn)
    {
        var json = (await stored.GetAsync(catalog.FullName(catalog.SystemParameter.Name), default))?.Value;
        var serving = json is null ? null : SystemStateDocument.Parse(json).State?.Serving?.ProjectVersionArn;
        if (arn == serving)
        {
            violations.Add($"{arn} was stopped while serving");
        }
    }

    private sealed class WatchedParameters(IParameterStore inner, ServingWatch watch, string systemName) : IParameterStore
    {
        public Task<IReadOnlyList<StoredParameter>> GetByPathAsync(string path, CancellationToken cancellationToken) => inner.GetByPathAsync(path, cancellationToken);

        public Task<StoredParameter?> GetAsync(string name, CancellationToken cancellationToken) => inner.GetAsync(name, cancellationToken);

        public async Task<long> PutAsync(string name, string value, CancellationToken cancellationToken)
        {
            var version = await inner.PutAsync(name, value, cancellationToken);
            if (name == systemName)
            {
                await watch.OnStateWrittenAsync(value);
            }

            return version;
        }

        public async Task<ParameterWrite> PutAfterAsync(string name, string value, long expectedVersion, CancellationToken cancellationToken)
        {
            var write = await inner.PutAfterAsync(name, value, expectedVersion, cancellationToken);
            if (name == systemName)
            {
                await watch.OnStateWrittenAsync(value);
            }

            return write;
        }
    }

    private sealed class WatchedTraining(IModelTraining inner, ServingWatch watch) : IModelTraining
    {
        public Task<string> CreateVersionAsync(string projectArn, string versionName, S3ObjectRef trainingManifest, S3ObjectRef testManifest, S3ObjectRef outputPrefix, CancellationToken cancellationToken) =>
            inner.CreateVersionAsync(projectArn, versionName, trainingManifest, testManifest, outputPrefix, cancellationToken);

        public Task<ModelVersion?> DescribeVersionAsync(string projectVersionArn, CancellationToken cancellationToken) => inner.DescribeVersionAsync(projectVersionArn, cancellationToken);

        public Task StartVersionAsync(string projectVersionArn, int minInferenceUnits, CancellationToken cancellationToken) => inner.StartVersionAsync(projectVersionArn, minInferenceUnits, cancellationToken);

        public async Task StopVersionAsync(string projectVersionArn, CancellationToken cancellationToken)
        {
            await watch.OnStopAsync(projectVersionArn);
            await inner.StopVersionAsync(projectVersionArn, cancellationToken);
        }
    }
}
