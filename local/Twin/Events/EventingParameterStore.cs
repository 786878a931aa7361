using ContinuousImprovement.Core.Ports;

namespace ContinuousImprovement.Local.Twin.Events;

/// <summary>Parameter Store with its change events: every write raises "Parameter Store Change" after it is stored.</summary>
public sealed class EventingParameterStore(IParameterStore inner, IEventSink events, TimeProvider time) : IParameterStore
{
    public Task<IReadOnlyList<StoredParameter>> GetByPathAsync(string path, CancellationToken cancellationToken) =>
        inner.GetByPathAsync(path, cancellationToken);

    public Task<StoredParameter?> GetAsync(string name, CancellationToken cancellationToken) =>
        inner.GetAsync(name, cancellationToken);

    public async Task<long> PutAsync(string name, string value, CancellationToken cancellationToken)
    {
        var version = await inner.PutAsync(name, value, cancellationToken).ConfigureAwait(false);
        events.Publish(ParameterEventJson.Changed(name, version, time.GetUtcNow()));
        return version;
    }

    public async Task<ParameterWrite> PutAfterAsync(string name, string value, long expectedVersion, CancellationToken cancellationToken)
    {
        var write = await inner.PutAfterAsync(name, value, expectedVersion, cancellationToken).ConfigureAwait(false);
        events.Publish(ParameterEventJson.Changed(name, write.Version, time.GetUtcNow()));
        return write;
    }
}
