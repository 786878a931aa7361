namespace ContinuousImprovement.Core.Notifications;

/// <summary>How subscribers hear about an event.</summary>
public enum NotificationRoute
{
    /// <summary>One mail now.</summary>
    Immediately,

    /// <summary>Counted into the next periodic digest.</summary>
    Digest,

    /// <summary>Only logged; the operator chose not to hear about this kind.</summary>
    LogOnly,
}
