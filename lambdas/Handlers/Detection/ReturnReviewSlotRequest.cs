namespace ContinuousImprovement.Handlers.Detection;

/// <summary>A failed execution's state: the decision with its reserved slot, if it got that far.</summary>
public sealed record ReturnReviewSlotRequest(DetectionProgress Progress);
