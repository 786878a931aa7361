namespace ContinuousImprovement.Core.Parameters;

/// <summary>The outcome of checking one raw value against the catalog: the typed value, or an error that names
/// the parameter, the bad value and what is allowed.</summary>
public sealed record ParameterCheck(string Name, string? Raw, ParameterValue? Value, string? Error)
{
    public bool IsValid => Error is null;

    public static ParameterCheck Valid(string name, string raw, ParameterValue value) => new(name, raw, value, null);

    public static ParameterCheck Invalid(string name, string? raw, string error) => new(name, raw, null, error);
}
