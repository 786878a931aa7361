namespace ContinuousImprovement.Handlers.ParameterApply;

/// <summary>The catalog's event kinds the parameter-apply workflow raises.</summary>
public static class ParameterKinds
{
    public const string ParameterApplied = "parameter-applied";
    public const string ParameterRejected = "parameter-rejected";
}
