using ContinuousImprovement.Handlers.Contracts;

namespace ContinuousImprovement.Handlers.ReviewFiling;

/// <summary>The reviewed image, the labels reviewers agreed on, the loop, and the settings snapshot (for the reject answers).</summary>
public sealed record FileImageRequest(ImageRef Image, IReadOnlyList<string> Labels, string HumanLoopName, IReadOnlyDictionary<string, string> Settings);
