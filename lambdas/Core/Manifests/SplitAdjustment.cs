namespace ContinuousImprovement.Core.Manifests;

/// <summary>An image the split moved off its hash-given side so that <paramref name="Label"/> is on both sides.</summary>
public sealed record SplitAdjustment(string SourceRef, string Label, DatasetSide MovedTo)
{
    public string Description => $"moved {SourceRef} to the {MovedTo.ToString().ToLowerInvariant()} set so that label '{Label}' has images on both sides";
}
