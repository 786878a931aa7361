using ContinuousImprovement.Handlers.Contracts;

namespace ContinuousImprovement.Handlers.Detection;

/// <summary>An image that cannot be processed, and why (the model runtime's cause).</summary>
public sealed record QuarantineRequest(ImageRef Image, string Reason);
