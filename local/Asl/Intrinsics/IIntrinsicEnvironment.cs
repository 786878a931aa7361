namespace ContinuousImprovement.Asl.Intrinsics;

/// <summary>
/// The sources of nondeterminism intrinsics use (States.MathRandom without a seed, States.UUID), so that tests
/// and replays can fix them.
/// </summary>
public interface IIntrinsicEnvironment
{
    /// <summary>A uniformly distributed number in [0, 1).</summary>
    double NextRandom();

    /// <summary>A new version 4 (random) UUID.</summary>
    Guid NewGuid();
}
