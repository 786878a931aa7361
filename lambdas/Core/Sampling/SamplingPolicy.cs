namespace ContinuousImprovement.Core.Sampling;

/// <summary>
/// Decides whether a human should review one prediction: every enabled strategy is evaluated, any one firing
/// makes the image wanted, and the daily cap decides whether a wanted image is actually sent.
/// </summary>
public static class SamplingPolicy
{
    // Enum order, so reasons come out in a stable order.
    private static readonly ISamplingRule[] Rules =
    [
        new BelowThresholdRule(),
        new LeastConfidenceRule(),
        new MarginRule(),
        new EntropyRule(),
        new RandomRule(),
        new ConfidenceBandRule(),
        new AuditRule(),
        new GroundTruthMismatchRule(),
    ];

    /// <summary>
    /// The decision for <paramref name="input"/> under <paramref name="settings"/>.
    /// </summary>
    /// <remarks>
    /// <para>Wanted = at least one enabled strategy fired. Capped = wanted and HumanLoopsToday ≥
    /// MaxHumanLoopsPerDay (negative values of either read as 0, so a cap of 0 or below caps everything).
    /// SendToHuman = wanted and not capped.</para>
    /// <para>Example with <see cref="SamplingSettings.Default"/>: [amazon_logo 41.7], claimed "other", 12 loops
    /// today → sent, reasons "top confidence 41.7 &lt; 70 (amazon_logo)" and "claimed 'other' but the top label
    /// is 'amazon_logo' (41.7)"; the same with 500 loops today → not sent, capped, summary "wanted by
    /// below-threshold, ground-truth-mismatch but the daily cap of 500 human loops is reached".</para>
    /// <para>Never throws for any confidences or settings values (see <see cref="Prediction"/> and
    /// <see cref="SamplingSettings"/>); only null references are rejected.</para>
    /// </remarks>
    public static SamplingDecision Decide(SamplingInput input, SamplingSettings settings)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(input.Prediction);
        ArgumentNullException.ThrowIfNull(input.ImageKey);

        SamplingContext context = SamplingContext.Create(input, settings);
        var reasons = new List<SamplingReason>();
        foreach (ISamplingRule rule in Rules)
        {
            if (settings.Strategies.Contains(rule.Strategy) && rule.Evaluate(context) is { } text)
            {
                reasons.Add(new SamplingReason(rule.Strategy, text));
            }
        }

        bool wanted = reasons.Count > 0;
        int cap = Math.Max(0, settings.MaxHumanLoopsPerDay);
        bool capped = wanted && Math.Max(0, input.HumanLoopsToday) >= cap;
        bool send = wanted && !capped;

        return new SamplingDecision(send, wanted, capped, reasons.AsReadOnly(), context.Metrics,
            Summarize(settings, reasons, capped, cap));
    }

    private static string Summarize(SamplingSettings settings, List<SamplingReason> reasons, bool capped, int cap)
    {
        if (reasons.Count == 0)
        {
            return settings.Strategies.Count == 0
                ? "not sent: no sampling strategy is enabled"
                : "not sent: no enabled strategy fired";
        }

        string wantedBy = "wanted by " + string.Join(", ", reasons.Select(reason => reason.Name));
        return capped
            ? $"{wantedBy} but the daily cap of {cap} human loop{(cap == 1 ? "" : "s")} is reached"
            : $"sent to a human: {wantedBy}";
    }
}
