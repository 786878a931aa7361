using ContinuousImprovement.Asl.Json;

namespace ContinuousImprovement.Asl.Tasks;

/// <summary>
/// A task handler whose Parameters Step Functions checks when the definition is created (an optimized integration's
/// field names and required fields), so a definition with a misspelled field is refused at load, not at run time.
/// </summary>
public interface IParameterChecked
{
    /// <summary>
    /// Why <paramref name="parameters"/> (the state's Parameters as written, <c>.$</c> keys included; null when it
    /// has none) can never work, or null when they may.
    /// </summary>
    string? WhyRefused(JsonObject? parameters);
}
