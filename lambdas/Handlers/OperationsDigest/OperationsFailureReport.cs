using ContinuousImprovement.Handlers.Contracts;

namespace ContinuousImprovement.Handlers.OperationsDigest;

/// <summary>The workflow-error notification for a failed execution, and the settings snapshot to route it with (null when none was read).</summary>
public sealed record OperationsFailureReport(NotificationText Notification, IReadOnlyDictionary<string, string>? Settings);
