namespace ContinuousImprovement.Core.Sampling;

/// <summary>
/// Choosing a batch of images for human labeling from many candidates. Taking the k most uncertain is the
/// obvious rule, but in one batch it tends to pick near-duplicates (the same confusing kind of image many
/// times), which teach the model little more than one of them would. The diverse rule keeps uncertainty
/// first but spreads the batch out.
/// </summary>
public static class BatchSelection
{
    /// <summary>The <paramref name="k"/> most uncertain candidates, most uncertain first (ties by key, so the choice is reproducible).</summary>
    public static IReadOnlyList<BatchCandidate> MostUncertain(IReadOnlyList<BatchCandidate> candidates, int k)
    {
        ArgumentNullException.ThrowIfNull(candidates);
        return Ranked(candidates).Take(Math.Max(0, k)).ToList();
    }

    /// <summary>
    /// k-center greedy among the most uncertain: from the <paramref name="poolFactor"/>·k most uncertain
    /// candidates, start with the most uncertain one, then repeatedly add the candidate farthest (Euclidean
    /// distance of features) from everything chosen so far.
    /// </summary>
    /// <example>
    /// Candidates a (0.9, [0,0]), b (0.8, [0,0.1]), c (0.7, [5,5]); k = 2, pool factor 2 → a first (most
    /// uncertain), then c (distance 7.07) rather than b (distance 0.1): b is a near-duplicate of a.
    /// </example>
    public static IReadOnlyList<BatchCandidate> DiverseUncertain(IReadOnlyList<BatchCandidate> candidates, int k, int poolFactor = 4)
    {
        ArgumentNullException.ThrowIfNull(candidates);
        ArgumentOutOfRangeException.ThrowIfLessThan(poolFactor, 1);
        if (k <= 0)
        {
            return [];
        }

        var pool = Ranked(candidates).Take(k * poolFactor).ToList();
        if (pool.Count <= k)
        {
            return pool;
        }

        var chosen = new List<BatchCandidate> { pool[0] };
        var nearest = pool.Select(c => Distance(c.Features, pool[0].Features)).ToArray();
        var taken = new bool[pool.Count];
        taken[0] = true;
        while (chosen.Count < k)
        {
            var best = -1;
            for (var i = 0; i < pool.Count; i++)
            {
                // Strictly farther wins; on equal distance the earlier (more uncertain) candidate stays.
                if (!taken[i] && (best < 0 || nearest[i] > nearest[best]))
                {
                    best = i;
                }
            }

            taken[best] = true;
            chosen.Add(pool[best]);
            for (var i = 0; i < pool.Count; i++)
            {
                nearest[i] = Math.Min(nearest[i], Distance(pool[i].Features, pool[best].Features));
            }
        }

        return chosen;
    }

    private static IOrderedEnumerable<BatchCandidate> Ranked(IEnumerable<BatchCandidate> candidates) =>
        candidates
            .OrderByDescending(c => double.IsNaN(c.Uncertainty) ? double.NegativeInfinity : c.Uncertainty)
            .ThenBy(c => c.Key, StringComparer.Ordinal);

    private static double Distance(float[] a, float[] b)
    {
        double sum = 0;
        var length = Math.Min(a.Length, b.Length);
        for (var i = 0; i < length; i++)
        {
            var d = a[i] - b[i];
            sum += d * d;
        }

        return Math.Sqrt(sum);
    }
}
