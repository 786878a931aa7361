namespace ContinuousImprovement.Core.Sampling;

/// <summary>Everything the rules read, computed once per decision.</summary>
internal sealed class SamplingContext
{
    private SamplingContext(SamplingInput input, SamplingSettings settings)
    {
        Input = input;
        Settings = settings;
        Top = input.Prediction.Top;
        Distribution = input.Prediction.Normalized();
        Metrics = new SamplingMetrics(
            Top?.Confidence,
            Top?.Label,
            MarginOf(Distribution),
            EntropyOf(Distribution),
            Distribution.Count == 0 ? 1 : 1 - Distribution[0].Probability,
            SamplingDraw.Uniform(settings.RandomSeed, input.ImageKey));
    }

    public SamplingInput Input { get; }

    public SamplingSettings Settings { get; }

    /// <summary>See <see cref="Prediction.Top"/>.</summary>
    public LabelConfidence? Top { get; }

    /// <summary>See <see cref="Prediction.Normalized"/>: highest probability first.</summary>
    public IReadOnlyList<LabelProbability> Distribution { get; }

    public SamplingMetrics Metrics { get; }

    /// <summary>Names why there is no distribution, for the uncertainty rules' reasons.</summary>
    public string NoDistributionText =>
        Input.Prediction.Labels.Count == 0 ? "no label detected" : "no label has a positive confidence";

    public static SamplingContext Create(SamplingInput input, SamplingSettings settings) => new(input, settings);

    private static double? MarginOf(IReadOnlyList<LabelProbability> distribution) => distribution.Count switch
    {
        0 => null,
        1 => distribution[0].Probability,
        _ => distribution[0].Probability - distribution[1].Probability,
    };

    private static double? EntropyOf(IReadOnlyList<LabelProbability> distribution)
    {
        if (distribution.Count == 0)
        {
            return null;
        }

        double entropy = 0;
        foreach (LabelProbability label in distribution)
        {
            // 0·ln 0 = 0 by continuity; skipping also avoids 0·(−∞) = NaN.
            if (label.Probability > 0)
            {
                entropy -= label.Probability * Math.Log(label.Probability);
            }
        }

        // Rounding can leave −0 or −1e-17 for a certain prediction; entropy is never negative.
        return Math.Max(0, entropy);
    }
}
