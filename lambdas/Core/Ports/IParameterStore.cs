namespace ContinuousImprovement.Core.Ports;

/// <summary>A parameter as the store holds it, with the version each write increments.</summary>
public sealed record StoredParameter(string Name, string Value, long Version);

/// <summary>A write made over a version the writer had read, and the version it became.</summary>
public sealed record ParameterWrite(long ExpectedVersion, long Version)
{
    /// <summary>
    /// Whether other writes landed between the read and this write (the version is not the next one): this write then
    /// replaced a value its writer never saw.
    /// </summary>
    public bool Interleaved => Version != ExpectedVersion + 1;
}

/// <summary>Parameter Store (SSM on AWS, a versioned file store in the twin).</summary>
public interface IParameterStore
{
    /// <summary>Every parameter directly under a path such as <c>/ContinuousImprovement/</c>.</summary>
    Task<IReadOnlyList<StoredParameter>> GetByPathAsync(string path, CancellationToken cancellationToken);

    Task<StoredParameter?> GetAsync(string name, CancellationToken cancellationToken);

    /// <summary>Writes a value and returns the new version.</summary>
    Task<long> PutAsync(string name, string value, CancellationToken cancellationToken);

    /// <summary>
    /// Writes a value over <paramref name="expectedVersion"/>, the version its writer read (0: the parameter did not
    /// exist). Parameter Store can refuse only a create: when the parameter exists by then, nothing is written and a
    /// <see cref="PortFailure.Conflict"/> is thrown. An overwrite cannot be made conditional, so it is written, and the
    /// result tells whether it replaced versions its writer never saw (<see cref="ParameterWrite.Interleaved"/>); writers
    /// that must not interleave take a lease first (<see cref="ILeases"/>), and this check catches what slips past one.
    /// </summary>
    Task<ParameterWrite> PutAfterAsync(string name, string value, long expectedVersion, CancellationToken cancellationToken);
}
