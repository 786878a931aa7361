namespace ContinuousImprovement.Core.Sampling;

/// <summary>One strategy: given the figures of one inference, a reason text when it fires, otherwise null.</summary>
internal interface ISamplingRule
{
    SamplingStrategy Strategy { get; }

    string? Evaluate(SamplingContext context);
}
