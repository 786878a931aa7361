namespace ContinuousImprovement.Core.Sampling;

/// <summary>See <see cref="SamplingStrategy.Random"/> and <see cref="SamplingDraw"/>.</summary>
internal sealed class RandomRule : ISamplingRule
{
    public SamplingStrategy Strategy => SamplingStrategy.Random;

    public string? Evaluate(SamplingContext context)
    {
        double draw = context.Metrics.RandomDraw;
        double rate = context.Settings.RandomRate;
        return draw < rate
            ? $"draw vs rate: {SamplingText.Compare(draw, "<", rate)} (seed {context.Settings.RandomSeed})"
            : null;
    }
}
