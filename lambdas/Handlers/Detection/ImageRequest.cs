using ContinuousImprovement.Handlers.Contracts;

namespace ContinuousImprovement.Handlers.Detection;

/// <summary>A request about one image and nothing else.</summary>
public sealed record ImageRequest(ImageRef Image);
