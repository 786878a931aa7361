namespace ContinuousImprovement.Handlers.Contracts;

/// <summary>A notification a workflow wants sent: its event kind (see the catalog), subject line and body.</summary>
public sealed record NotificationText(string Kind, string Subject, string Message);
