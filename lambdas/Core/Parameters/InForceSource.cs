namespace ContinuousImprovement.Core.Parameters;

/// <summary>Where the value in force for a parameter came from.</summary>
public enum InForceSource
{
    /// <summary>The operator's current value, which is valid.</summary>
    Submitted,

    /// <summary>The operator's value is bad; the last value that was good stays in force.</summary>
    LastGood,

    /// <summary>The operator's value is bad and no good value was ever seen: the catalog default, reported as a problem.</summary>
    Default,
}
