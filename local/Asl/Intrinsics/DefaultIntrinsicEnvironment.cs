namespace ContinuousImprovement.Asl.Intrinsics;

/// <summary>Real randomness: the shared thread-safe generator and random (version 4) GUIDs.</summary>
public sealed class DefaultIntrinsicEnvironment : IIntrinsicEnvironment
{
    public static readonly DefaultIntrinsicEnvironment Instance = new();

    private DefaultIntrinsicEnvironment()
    {
    }

    // Not for security: Step Functions documents States.MathRandom as not cryptographically secure either.
    public double NextRandom() => Random.Shared.NextDouble();

    public Guid NewGuid() => Guid.NewGuid();
}
