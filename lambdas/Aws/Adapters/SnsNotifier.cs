using System.Text;
using ContinuousImprovement.Aws.Sns;
using ContinuousImprovement.Core.Ports;

namespace ContinuousImprovement.Aws.Adapters;

/// <summary>
/// <see cref="INotifier"/> on an SNS topic. SNS refuses a Subject over 100 characters or with control characters
/// (InvalidParameter), so the subject is made printable and cut to fit rather than losing the message.
/// </summary>
public sealed class SnsNotifier(SnsClient client, string topicArn) : INotifier
{
    public const int MaxSubjectChars = 100;

    public Task PublishAsync(Notification notification, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(notification);
        var request = new PublishRequest(notification.Message, TopicArn: topicArn, Subject: Subject(notification.Subject));
        return PortFailures.Guard($"publish {notification.Kind} to {topicArn}", () => client.PublishAsync(request, cancellationToken), cancellationToken);
    }

    /// <summary>
    /// SNS's subject rule: ASCII-printable is safest for mail clients, must not start with whitespace, at most 100
    /// characters. E.g. <c>"Model\nready"</c> → <c>"Model ready"</c>; 120 letters → 99 letters and "…"-less "~".
    /// </summary>
    internal static string? Subject(string? subject)
    {
        if (string.IsNullOrWhiteSpace(subject))
        {
            return null;
        }

        var builder = new StringBuilder(subject.Length);
        foreach (var c in subject)
        {
            builder.Append(c is >= ' ' and <= '~' ? c : ' ');
        }

        var text = builder.ToString().Trim();
        while (text.Contains("  ", StringComparison.Ordinal))
        {
            text = text.Replace("  ", " ", StringComparison.Ordinal);
        }

        return text.Length <= MaxSubjectChars ? text : text[..(MaxSubjectChars - 1)] + "~";
    }
}
