namespace ContinuousImprovement.Aws.Runtime;

/// <summary>
/// Exponential backoff with full jitter, the AWS SDKs' standard mode: before retry n (0-based) wait
/// random(0..1) × min(MaxDelay, base × 2^n), with a longer base when throttled. With the defaults the third
/// throttling retry waits at most 0.5 s × 4 = 2 s.
/// </summary>
public sealed record AwsRetryOptions
{
    public int MaxRetryAttempts { get; init; } = 3;

    public TimeSpan RetryableBaseDelay { get; init; } = TimeSpan.FromMilliseconds(100);

    public TimeSpan ThrottlingBaseDelay { get; init; } = TimeSpan.FromMilliseconds(500);

    public TimeSpan MaxDelay { get; init; } = TimeSpan.FromSeconds(20);

    /// <summary>A number in [0, 1) per retry; tests pass a fixed one.</summary>
    public Func<double> Randomizer { get; init; } = Random.Shared.NextDouble;

    public static AwsRetryOptions None { get; } = new() { MaxRetryAttempts = 0 };
}
