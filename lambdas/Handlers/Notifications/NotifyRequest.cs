using ContinuousImprovement.Handlers.Contracts;

namespace ContinuousImprovement.Handlers.Notifications;

/// <summary>
/// A notification to route (null: nothing to say) and, when the workflow has one, its settings snapshot;
/// without it the settings in force are read.
/// </summary>
public sealed record NotifyRequest(NotificationText? Notification, IReadOnlyDictionary<string, string>? Settings = null);
