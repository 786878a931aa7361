namespace ContinuousImprovement.Core.Review;

/// <summary>The <c>humanLoopStatus</c> values of A2I's status change event.</summary>
public enum HumanLoopStatus
{
    InProgress,
    Completed,
    Failed,
    Stopping,
    Stopped,
}
