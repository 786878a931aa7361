using ContinuousImprovement.Core.Parameters;
using ContinuousImprovement.Core.Ports;
using ContinuousImprovement.Core.State;

namespace ContinuousImprovement.Workflows.Tests.Training;

/// <summary>
/// A parameter store whose writes of the system parameter naming a serving version that starts with a given prefix
/// time out — after the write landed when <paramref name="writeFirst"/> (the caller cannot know it did), before it
/// otherwise, up to <paramref name="times"/> times. Every other write works: the switch fails, the rollback succeeds.
/// </summary>
internal sealed class FailingServingWrites(IParameterStore inner, Func<string?> servingPrefix, bool writeFirst, int times = int.MaxValue) : IParameterStore
{
    private int failures;

    private static readonly string SystemName = ParameterCatalog.Default.FullName(ParameterCatalog.Default.SystemParameter.Name);

    public Task<IReadOnlyList<StoredParameter>> GetByPathAsync(string path, CancellationToken cancellationToken) => inner.GetByPathAsync(path, cancellationToken);

    public Task<StoredParameter?> GetAsync(string name, CancellationToken cancellationToken) => inner.GetAsync(name, cancellationToken);

    public Task<long> PutAsync(string name, string value, CancellationToken cancellationToken) =>
        WriteAsync(name, value, () => inner.PutAsync(name, value, cancellationToken));

    public Task<ParameterWrite> PutAfterAsync(string name, string value, long expectedVersion, CancellationToken cancellationToken) =>
        WriteAsync(name, value, () => inner.PutAfterAsync(name, value, expectedVersion, cancellationToken));

    private async Task<T> WriteAsync<T>(string name, string value, Func<Task<T>> write)
    {
        var fails = name == SystemName
            && servingPrefix() is { } prefix
            && SystemStateDocument.Parse(value).State?.Serving?.ProjectVersionArn is { } serving
            && serving.StartsWith(prefix, StringComparison.Ordinal)
            && failures < times;
        if (!fails)
        {
            return await write();
        }

        failures++;
        if (writeFirst)
        {
            await write();
        }

        throw new PortException(PortFailure.Timeout, "PutParameter timed out");
    }
}
