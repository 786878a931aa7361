using System.Globalization;
using System.Text;
using ContinuousImprovement.Core.Ports;

namespace ContinuousImprovement.Local.Adapters;

/// <summary>
/// The twin's SNS topic with an email subscriber: every notification is a JSON line in <c>outbox.jsonl</c> (what the
/// CLI lists) and an RFC 5322 <c>.eml</c> file in <c>mail/</c> that any mail client opens, so an operator sees the
/// mail AWS would have sent.
/// </summary>
public sealed class MailOutbox : INotifier
{
    private readonly JsonlOutbox lines;
    private readonly string mailFolder;
    private readonly string recipient;
    private long sequence;

    public MailOutbox(string folder, string recipient = "operator@localhost")
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(folder);
        ArgumentException.ThrowIfNullOrWhiteSpace(recipient);
        var root = System.IO.Path.GetFullPath(folder);
        lines = new JsonlOutbox(System.IO.Path.Combine(root, "outbox.jsonl"));
        mailFolder = System.IO.Path.Combine(root, "mail");
        this.recipient = recipient;
    }

    public string MailFolder => mailFolder;

    public async Task PublishAsync(Notification notification, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(notification);
        await lines.PublishAsync(notification, cancellationToken).ConfigureAwait(false);
        var number = Interlocked.Increment(ref sequence);
        var name = $"{notification.At.UtcDateTime.ToString("yyyyMMdd'T'HHmmss", CultureInfo.InvariantCulture)}-{Environment.ProcessId}-{number:D6}-{SafeName(notification.Kind)}.eml";
        IoFailures.Guard($"write mail {name}", () =>
        {
            Directory.CreateDirectory(mailFolder);
            File.WriteAllText(System.IO.Path.Combine(mailFolder, name), Format(notification, recipient), new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
            return true;
        });
    }

    /// <summary>Everything published so far, oldest first.</summary>
    public IReadOnlyList<Notification> Published() => lines.Published();

    /// <summary>
    /// The mail as SNS would send it: a plain-text UTF-8 body sent 8-bit, and a subject encoded per RFC 2047 when it
    /// is not plain ASCII (a label or key in a subject may be anything).
    /// </summary>
    public static string Format(Notification notification, string recipient)
    {
        ArgumentNullException.ThrowIfNull(notification);
        var mail = new StringBuilder();
        mail.Append("From: ContinuousImprovement twin <no-reply@localhost>\r\n");
        mail.Append(CultureInfo.InvariantCulture, $"To: {recipient}\r\n");
        mail.Append(CultureInfo.InvariantCulture, $"Subject: {EncodeHeader(notification.Subject)}\r\n");
        mail.Append(CultureInfo.InvariantCulture, $"Date: {notification.At.ToString("ddd, dd MMM yyyy HH:mm:ss +0000", CultureInfo.InvariantCulture)}\r\n");
        mail.Append(CultureInfo.InvariantCulture, $"Message-ID: <{Guid.NewGuid():N}@continuous-improvement.local>\r\n");
        mail.Append(CultureInfo.InvariantCulture, $"X-Notification-Kind: {SafeName(notification.Kind)}\r\n");
        mail.Append("MIME-Version: 1.0\r\n");
        mail.Append("Content-Type: text/plain; charset=utf-8\r\n");
        mail.Append("Content-Transfer-Encoding: 8bit\r\n\r\n");
        mail.Append(notification.Message.ReplaceLineEndings("\r\n"));
        mail.Append("\r\n");
        return mail.ToString();
    }

    private static string EncodeHeader(string text)
    {
        var oneLine = text.ReplaceLineEndings(" ");
        return oneLine.All(c => c is >= ' ' and <= '~')
            ? oneLine
            : $"=?utf-8?B?{Convert.ToBase64String(Encoding.UTF8.GetBytes(oneLine))}?=";
    }

    private static string SafeName(string kind) =>
        new(kind.Select(c => char.IsAsciiLetterOrDigit(c) || c == '-' ? c : '_').Take(60).ToArray());
}
