namespace ContinuousImprovement.Handlers.Notifications;

/// <summary>Where a notification went: <c>immediately</c>, <c>digest</c>, <c>log-only</c>, or <c>none</c> when there was nothing to send.</summary>
public sealed record NotifyResult(string? Kind, string Route, string? Note = null)
{
    public static NotifyResult NothingToSay { get; } = new(null, "none");
}
