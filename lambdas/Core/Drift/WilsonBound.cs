namespace ContinuousImprovement.Core.Drift;

/// <summary>
/// One-sided Wilson score bounds of a binomial proportion. Chosen over the normal ("Wald") interval, which collapses to
/// a width of 0 at 0 or n successes and is badly calibrated below a few dozen trials, and over the exact
/// Clopper–Pearson interval, which needs the beta distribution's quantile and is more conservative than it needs to
/// be; Wilson's has a closed form, stays inside [0, 1] and keeps close to its nominal coverage for small samples.
/// </summary>
public static class WilsonBound
{
    /// <summary>The standard normal quantile for a one-sided 95% bound (Φ⁻¹(0.95)).</summary>
    public const double Z95 = 1.6448536269514722;

    /// <summary>
    /// The lower bound of the proportion <paramref name="successes"/>/<paramref name="trials"/>:
    /// (p̂ + z²/2n − z·√(p̂(1−p̂)/n + z²/4n²)) / (1 + z²/n), 0 for no trials.
    /// Example at z = 1.645: 15 of 60 (p̂ = 0.25) → 0.170, 5 of 20 (the same p̂, fewer trials) → 0.127, 0 of 10 → 0 (upper bound 0.213).
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">Negative counts, more successes than trials, or a z that is not a positive number.</exception>
    public static double Lower(int successes, int trials, double z = Z95) => Bound(successes, trials, z, -1);

    /// <summary>The upper bound, the same formula with + before the root; 1 for no trials.</summary>
    public static double Upper(int successes, int trials, double z = Z95) => Bound(successes, trials, z, +1);

    private static double Bound(int successes, int trials, double z, int sign)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(trials);
        ArgumentOutOfRangeException.ThrowIfNegative(successes);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(successes, trials);
        if (!double.IsFinite(z) || z <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(z), z, "z must be a positive number.");
        }

        if (trials == 0)
        {
            return sign < 0 ? 0 : 1;
        }

        double n = trials;
        var p = successes / n;
        var z2 = z * z;
        var center = p + (z2 / (2 * n));
        var spread = z * Math.Sqrt((p * (1 - p) / n) + (z2 / (4 * n * n)));
        var bound = (center + (sign * spread)) / (1 + (z2 / n));

        // Rounding may leave the exact ends (0 of n, n of n) a hair outside [0, 1] or on the wrong side of p̂.
        return sign < 0 ? Math.Clamp(bound, 0, p) : Math.Clamp(bound, p, 1);
    }
}
