namespace ContinuousImprovement.Core.Sampling;

/// <summary>
/// The operator-facing kebab-case names of <see cref="SamplingStrategy"/>, as written in Parameter Store and in
/// inference logs. Names are part of the operator contract: never rename one, only add.
/// </summary>
public static class SamplingStrategyNames
{
    // Indexed by the enum's numeric value, which is why the enum order is frozen.
    private static readonly string[] Names =
    [
        "below-threshold",
        "least-confidence",
        "margin",
        "entropy",
        "random",
        "confidence-band",
        "audit",
        "ground-truth-mismatch",
    ];

    /// <summary>Every name, in <see cref="SamplingStrategy"/> order.</summary>
    public static IReadOnlyList<string> All { get; } = Array.AsReadOnly(Names);

    /// <summary>The operator-facing name of <paramref name="strategy"/>, e.g. <c>ground-truth-mismatch</c>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is not a declared strategy (a programmer error).</exception>
    public static string NameOf(SamplingStrategy strategy)
    {
        int index = (int)strategy;
        if (index < 0 || index >= Names.Length)
        {
            throw new ArgumentOutOfRangeException(nameof(strategy), strategy, "Not a declared sampling strategy.");
        }

        return Names[index];
    }

    /// <summary>
    /// Reads an operator-typed name: surrounding white space is ignored and case does not matter
    /// (<c>" Margin "</c> is <see cref="SamplingStrategy.Margin"/>). C# member names such as <c>BelowThreshold</c>
    /// are not accepted, so that the parameter has exactly one spelling per strategy.
    /// </summary>
    public static bool TryParse(string? text, out SamplingStrategy strategy)
    {
        if (text is not null)
        {
            string trimmed = text.Trim();
            for (int i = 0; i < Names.Length; i++)
            {
                if (string.Equals(Names[i], trimmed, StringComparison.OrdinalIgnoreCase))
                {
                    strategy = (SamplingStrategy)i;
                    return true;
                }
            }
        }

        strategy = default;
        return false;
    }
}
