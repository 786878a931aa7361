using ContinuousImprovement.Core.Sampling;

namespace ContinuousImprovement.Benchmarks.Labels;

/// <summary>How one strategy picks the next batch of images for humans to label.</summary>
internal sealed record LabelStrategy(string Name, Func<IReadOnlyList<PoolImage>, IReadOnlyList<SamplingMetrics>, int, int, IReadOnlyList<PoolImage>> Pick)
{
    public static readonly IReadOnlyList<LabelStrategy> All =
    [
        new("random", (pool, _, k, seed) => ByDraw(pool, seed).Take(k).ToList()),
        new("fixed-threshold", FixedThreshold),
        new("least-confidence", (pool, metrics, k, _) => Uncertain(pool, metrics, k, m => m.LeastConfidence, diverse: false)),
        new("margin", (pool, metrics, k, _) => Uncertain(pool, metrics, k, m => 1 - (m.Margin ?? 0), diverse: false)),
        new("entropy", (pool, metrics, k, _) => Uncertain(pool, metrics, k, m => m.Entropy ?? double.MaxValue, diverse: false)),
        new("margin+diverse", (pool, metrics, k, _) => Uncertain(pool, metrics, k, m => 1 - (m.Margin ?? 0), diverse: true)),
    ];

    /// <summary>
    /// The original project's rule: every image whose top confidence is below Minimum-Label-Detection-Confidence
    /// (70) goes to a human. With a batch budget, a random k of those; topped up at random when fewer.
    /// </summary>
    private static List<PoolImage> FixedThreshold(IReadOnlyList<PoolImage> pool, IReadOnlyList<SamplingMetrics> metrics, int k, int seed)
    {
        var below = new HashSet<PoolImage>(pool.Where((_, i) => (metrics[i].TopConfidence ?? 0) < SamplingSettings.Default.MinimumLabelDetectionConfidence));
        return ByDraw(pool, seed).OrderBy(p => below.Contains(p) ? 0 : 1).Take(k).ToList();
    }

    private static List<PoolImage> Uncertain(IReadOnlyList<PoolImage> pool, IReadOnlyList<SamplingMetrics> metrics, int k, Func<SamplingMetrics, double> uncertainty, bool diverse)
    {
        var candidates = pool.Select((p, i) => new BatchCandidate(p.Key, uncertainty(metrics[i]), p.Features)).ToList();
        var chosen = diverse ? BatchSelection.DiverseUncertain(candidates, k) : BatchSelection.MostUncertain(candidates, k);
        var byKey = pool.ToDictionary(p => p.Key, StringComparer.Ordinal);
        return chosen.Select(c => byKey[c.Key]).ToList();
    }

    /// <summary>A reproducible random order: Core's per-image draw, as the random sampling strategy uses it.</summary>
    private static IOrderedEnumerable<PoolImage> ByDraw(IReadOnlyList<PoolImage> pool, int seed) =>
        pool.OrderBy(p => SamplingDraw.Uniform(seed, p.Key)).ThenBy(p => p.Key, StringComparer.Ordinal);
}

/// <summary>An unlabeled image of the pool, with the label a human would give it.</summary>
internal sealed record PoolImage(string Key, float[] Features, string TrueLabel);
