namespace ContinuousImprovement.Core.Parameters;

/// <summary>A bad operator value and what stays in force instead. Each one is worth a notification.</summary>
public sealed record ParameterProblem(string Name, string? Raw, string Error, ParameterValue InForce, InForceSource Source)
{
    /// <summary>The sentence an operator reads: what is wrong and what the system does about it.</summary>
    public string Message => Source switch
    {
        InForceSource.LastGood => $"{Error} The last good value '{InForce.Canonical}' stays in force.",
        InForceSource.Default => $"{Error} No good value was ever seen, so the catalog default '{InForce.Canonical}' is in force.",
        _ => Error,
    };
}
