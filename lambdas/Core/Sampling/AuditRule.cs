namespace ContinuousImprovement.Core.Sampling;

/// <summary>See <see cref="SamplingStrategy.Audit"/>.</summary>
internal sealed class AuditRule : ISamplingRule
{
    public SamplingStrategy Strategy => SamplingStrategy.Audit;

    public string? Evaluate(SamplingContext context)
    {
        long number = context.Input.InferenceNumber;
        int interval = context.Settings.AuditInterval;
        return interval >= 1 && number >= 1 && number % interval == 0
            ? $"inference #{number} is a multiple of the audit interval {interval}"
            : null;
    }
}
