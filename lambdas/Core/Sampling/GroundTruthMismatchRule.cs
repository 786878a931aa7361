namespace ContinuousImprovement.Core.Sampling;

/// <summary>See <see cref="SamplingStrategy.GroundTruthMismatch"/>.</summary>
internal sealed class GroundTruthMismatchRule : ISamplingRule
{
    public SamplingStrategy Strategy => SamplingStrategy.GroundTruthMismatch;

    public string? Evaluate(SamplingContext context)
    {
        string claimed = context.Input.ClaimedLabel?.Trim() ?? "";
        if (claimed.Length == 0)
        {
            return null;
        }

        if (context.Top is not { } top)
        {
            return $"claimed {SamplingText.Quote(claimed)} but no label detected";
        }

        return Matches(claimed, top.Label)
            ? null
            : $"claimed {SamplingText.Quote(claimed)} but the top label is {SamplingText.Quote(top.Label)} ({SamplingText.Number(top.Confidence)})";
    }

    // Ordinal-ignore-case after trimming. No Unicode normalization: under InvariantGlobalization
    // string.Normalize() leaves text unchanged, so "café" typed precomposed and decomposed stay different.
    // Label names are training folder names, in practice ASCII.
    private static bool Matches(string claimed, string label) =>
        string.Equals(claimed, label.Trim(), StringComparison.OrdinalIgnoreCase);
}
