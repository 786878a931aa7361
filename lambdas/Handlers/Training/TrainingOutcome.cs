using ContinuousImprovement.Handlers.Contracts;

namespace ContinuousImprovement.Handlers.Training;

/// <summary>Where a training execution got to (<see cref="TrainingStatus"/>), in one line, with the notification to send.</summary>
public sealed record TrainingOutcome(string Status, string Summary, NotificationText? Notification);
