namespace ContinuousImprovement.Core.Sampling;

/// <summary>
/// The outcome of <see cref="SamplingPolicy.Decide"/>.
/// </summary>
/// <param name="SendToHuman">Start a human loop for this image.</param>
/// <param name="Wanted">At least one enabled strategy fired.</param>
/// <param name="Capped">Wanted, but the daily cap of human loops is reached, so not sent.</param>
/// <param name="Reasons">One per strategy that fired, in <see cref="SamplingStrategy"/> order.</param>
/// <param name="Metrics">The figures the strategies looked at.</param>
/// <param name="Summary">One line for logs, e.g. "sent to a human: wanted by below-threshold, margin".</param>
public sealed record SamplingDecision(
    bool SendToHuman,
    bool Wanted,
    bool Capped,
    IReadOnlyList<SamplingReason> Reasons,
    SamplingMetrics Metrics,
    string Summary);
