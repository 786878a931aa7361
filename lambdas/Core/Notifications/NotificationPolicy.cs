using ContinuousImprovement.Core.Parameters;

namespace ContinuousImprovement.Core.Notifications;

/// <summary>
/// The operator's notification policy (<c>Notify-Immediately</c>, <c>Notify-In-Digest</c>): failures, gate
/// results, deploys and drift are mailed at once by default, per-image events are digested, so subscribers
/// never get one mail per image.
/// </summary>
public sealed record NotificationPolicy(IReadOnlySet<string> Immediately, IReadOnlySet<string> Digest, TimeSpan DigestEvery)
{
    public const string ImmediatelyParameter = "Notify-Immediately";
    public const string DigestParameter = "Notify-In-Digest";
    public const string DigestFrequencyParameter = "Notification-Digest-Frequency";

    public static NotificationPolicy From(ResolvedParameters parameters)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        return new NotificationPolicy(
            parameters.List(ImmediatelyParameter).ToHashSet(StringComparer.Ordinal),
            parameters.List(DigestParameter).ToHashSet(StringComparer.Ordinal),
            TimeSpan.FromMinutes(parameters.Integer(DigestFrequencyParameter)));
    }

    /// <summary>A kind in both lists is mailed at once: an operator who asked to hear it now should not wait for a digest.</summary>
    public NotificationRoute Route(string eventKind) =>
        Immediately.Contains(eventKind) ? NotificationRoute.Immediately
        : Digest.Contains(eventKind) ? NotificationRoute.Digest
        : NotificationRoute.LogOnly;
}
