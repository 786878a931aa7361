namespace ContinuousImprovement.Core.Sampling;

/// <summary>
/// The operator's sampling knobs, already read from Parameter Store. <c>new SamplingSettings()</c> equals
/// <see cref="Default"/>; change single knobs with <c>SamplingSettings.Default with { MarginThreshold = 0.2 }</c>.
/// </summary>
/// <remarks>
/// The parameter catalog validates raw operator values; this type does not, and <see cref="SamplingPolicy"/>
/// never throws or produces NaN figures whatever the values are. Every comparison is written so that a NaN
/// setting makes it false: a NaN threshold, rate or band switches that strategy off (except that the
/// uncertainty strategies still fire on a prediction without labels). Out-of-range values are used as given;
/// each property says what that means.
/// </remarks>
public sealed record SamplingSettings
{
    /// <summary>The shipped configuration: the original project's rule plus uploader-claim checks.</summary>
    public static SamplingSettings Default { get; } = new();

    /// <summary>
    /// The strategies that may ask for a review; any one firing is enough. Stored as an immutable copy with
    /// value equality; values that are not declared <see cref="SamplingStrategy"/> members are ignored.
    /// Default {below-threshold, ground-truth-mismatch}. Empty: nothing is ever sent to a human.
    /// </summary>
    public IReadOnlySet<SamplingStrategy> Strategies
    {
        get;
        init => field = StrategySet.Of(value);
    } = StrategySet.Of([SamplingStrategy.BelowThreshold, SamplingStrategy.GroundTruthMismatch]);

    /// <summary>
    /// Minimum-Label-Detection-Confidence, on Rekognition's 0–100 scale (default 70). Above 100 every
    /// prediction fires below-threshold; 0 or below only "no label" fires.
    /// </summary>
    public double MinimumLabelDetectionConfidence { get; init; } = 70;

    /// <summary>Least-confidence fires when 1 − p_max ≥ this (0–1, default 0.5). ≤ 0 fires always, &gt; 1 only without labels.</summary>
    public double LeastConfidenceThreshold { get; init; } = 0.5;

    /// <summary>Margin fires when p1 − p2 ≤ this (0–1, default 0.1). ≥ 1 fires always, &lt; 0 only without labels.</summary>
    public double MarginThreshold { get; init; } = 0.1;

    /// <summary>Entropy fires when H &gt; this, in nats (≥ 0, default 1.0). Negative fires always.</summary>
    public double EntropyThreshold { get; init; } = 1.0;

    /// <summary>Share of images the random strategy picks (0–1, default 0.05). ≤ 0 never, ≥ 1 always.</summary>
    public double RandomRate { get; init; } = 0.05;

    /// <summary>Seed of the random strategy's per-image draw (default 42); changing it picks a different sample.</summary>
    public int RandomSeed { get; init; } = 42;

    /// <summary>Lower edge (inclusive, 0–100) of the confidence band (default 40). Low &gt; high is an empty band.</summary>
    public double ConfidenceBandLow { get; init; } = 40;

    /// <summary>Upper edge (inclusive, 0–100) of the confidence band (default 60).</summary>
    public double ConfidenceBandHigh { get; init; } = 60;

    /// <summary>Audit picks every N-th inference (≥ 1, default 100). Below 1 the audit never fires.</summary>
    public int AuditInterval { get; init; } = 100;

    /// <summary>
    /// Most human loops started per UTC day (default 500). 0 means no human loops at all; a negative value
    /// is read as 0.
    /// </summary>
    public int MaxHumanLoopsPerDay { get; init; } = 500;
}
