namespace ContinuousImprovement.Core.Training;

/// <summary>The state to carry to the next call and the action to perform before it (same as <c>State.PendingAction</c>).</summary>
public sealed record BlueGreenStep(BlueGreenDeployment State, BlueGreenAction Action);
