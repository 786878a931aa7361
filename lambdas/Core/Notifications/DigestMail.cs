namespace ContinuousImprovement.Core.Notifications;

/// <summary>
/// One digest mail: a plain-text summary of <paramref name="Count"/> notifications added from <paramref name="Oldest"/>
/// to <paramref name="Newest"/> (see <see cref="NotificationDigestBuilder.Compose"/>).
/// </summary>
public sealed record DigestMail(string Subject, string Message, long Count, DateTimeOffset Oldest, DateTimeOffset Newest);
