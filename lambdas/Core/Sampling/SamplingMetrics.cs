namespace ContinuousImprovement.Core.Sampling;

/// <summary>
/// The figures behind a decision, for the inference log; all of them are computed whichever strategies are
/// enabled, so logs stay comparable when an operator switches strategies. Never NaN or infinite.
/// </summary>
/// <param name="TopConfidence">Usable raw confidence (0–100 scale) of <see cref="Prediction.Top"/>; null without labels.</param>
/// <param name="TopLabel">Label of <see cref="Prediction.Top"/>; null without labels.</param>
/// <param name="Margin">p1 − p2 of the normalized distribution (1 with a single label); null when it is empty.</param>
/// <param name="Entropy">Shannon entropy in nats of the normalized distribution; null when it is empty.</param>
/// <param name="LeastConfidence">Uncertainty 1 − p_max; 1 when the distribution is empty.</param>
/// <param name="RandomDraw">The image's reproducible draw in [0, 1), see <see cref="SamplingDraw"/>.</param>
public sealed record SamplingMetrics(
    double? TopConfidence,
    string? TopLabel,
    double? Margin,
    double? Entropy,
    double LeastConfidence,
    double RandomDraw);
