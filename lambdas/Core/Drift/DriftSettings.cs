using ContinuousImprovement.Core.Parameters;

namespace ContinuousImprovement.Core.Drift;

/// <summary>
/// What the drift check needs from the operator: how many human labels a judgement needs, how much worse than its
/// evaluation promised the serving version may look before it is reported, and whose human labels count.
/// </summary>
/// <param name="MinimumHumanLabels">Human labels the window needs before drift is judged at all (at least 1).</param>
/// <param name="Tolerance">Disagreement allowed above what the evaluation promised, as a share of images (0–1).</param>
/// <param name="LabelSources">
/// Sampling rule names (the text before ':' of a logged reason, e.g. <c>random</c>, <c>audit-sampling</c>) whose
/// human labels count; see <see cref="LabelSources"/>.
/// </param>
public sealed record DriftSettings(int MinimumHumanLabels, double Tolerance, IReadOnlySet<string> LabelSources)
{
    public const string MinimumHumanLabelsParameter = "Drift-Minimum-Human-Labels";
    public const string ToleranceParameter = "Drift-Tolerance";
    public const string LabelSourcesParameter = "Drift-Label-Sources";

    public static DriftSettings From(ResolvedParameters parameters)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        return new DriftSettings(
            (int)Math.Clamp(parameters.Integer(MinimumHumanLabelsParameter), 1, int.MaxValue),
            parameters.Number(ToleranceParameter),
            parameters.List(LabelSourcesParameter).ToHashSet(StringComparer.Ordinal));
    }
}
