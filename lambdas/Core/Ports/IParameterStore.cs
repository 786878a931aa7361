namespace ContinuousImprovement.Core.Ports;

/// <summary>A parameter as the store holds it, with the version each write increments.</summary>
public sealed record StoredParameter(string Name, string Value, long Version);

/// <summary>Parameter Store (SSM on AWS, a versioned file store in the twin).</summary>
public interface IParameterStore
{
    /// <summary>Every parameter directly under a path such as <c>/ContinuousImprovement/</c>.</summary>
    Task<IReadOnlyList<StoredParameter>> GetByPathAsync(string path, CancellationToken cancellationToken);

    Task<StoredParameter?> GetAsync(string name, CancellationToken cancellationToken);

    /// <summary>Writes a value and returns the new version.</summary>
    Task<long> PutAsync(string name, string value, CancellationToken cancellationToken);
}
