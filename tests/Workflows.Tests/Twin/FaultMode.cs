namespace ContinuousImprovement.Workflows.Tests.Twin;

/// <summary>
/// How an injected port fault misbehaves: the first call fails, the second call fails (a retry must not repeat what
/// the first call already did), or every call does; or every call does what it asks and then fails (it landed, but
/// its answer was lost on the way back).
/// </summary>
internal enum FaultMode
{
    Once,
    Second,
    Always,
    AlwaysAfterLanding,
}
