using ContinuousImprovement.Handlers.Contracts;

namespace ContinuousImprovement.Handlers.ParameterApply;

/// <summary>How one change ended (<c>restored</c>, <c>applied</c>), in one line, with the notification to send.</summary>
public sealed record ParameterOutcome(string Status, string Summary, NotificationText? Notification);
