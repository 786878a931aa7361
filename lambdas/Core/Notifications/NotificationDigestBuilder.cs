using System.Globalization;
using System.Text;
using ContinuousImprovement.Core.Ports;
using ContinuousImprovement.Core.Text;

namespace ContinuousImprovement.Core.Notifications;

/// <summary>
/// Summarizes the notifications of one digest into one mail while they are read, however many there are: it keeps
/// only a count per kind, the oldest and newest times, and the newest few subjects of each kind, so memory does not
/// grow with the number of notifications.
/// </summary>
public sealed class NotificationDigestBuilder
{
    /// <summary>
    /// The mail's body never exceeds this many UTF-8 bytes: well under SNS's 256 KB message limit, and under Step
    /// Functions' 256 KB state limit with the rest of the workflow's state; a mail longer than this is not read anyway.
    /// </summary>
    public const int MaxMessageBytes = 32 * 1024;

    /// <summary>SNS's limit for a subject.</summary>
    public const int MaxSubjectChars = 100;

    /// <summary>Kinds listed one by one in the counts; the rest are summed in one line (the catalog has about 20).</summary>
    public const int MaxKindsListed = 40;

    private const int SubjectChars = 160;
    private const string Cut = "\n…(cut to stay under the mail size limit)";

    private readonly int newestPerKind;
    private readonly Dictionary<string, long> counts = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<(DateTimeOffset At, long Arrival, string Subject)>> newest = new(StringComparer.Ordinal);
    private long arrivals;

    /// <param name="newestPerKind">How many of each kind's newest subjects the mail lists (0 to 50).</param>
    public NotificationDigestBuilder(int newestPerKind = 5)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(newestPerKind);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(newestPerKind, 50);
        this.newestPerKind = newestPerKind;
    }

    /// <summary>Notifications added so far.</summary>
    public long Count { get; private set; }

    /// <summary>The oldest notification time added so far (meaningless while <see cref="Count"/> is 0).</summary>
    public DateTimeOffset Oldest { get; private set; } = DateTimeOffset.MaxValue;

    /// <summary>The newest notification time added so far (meaningless while <see cref="Count"/> is 0).</summary>
    public DateTimeOffset Newest { get; private set; } = DateTimeOffset.MinValue;

    /// <summary>Counts one notification in. Of two with the same time, the one added later counts as newer.</summary>
    public void Add(Notification notification)
    {
        ArgumentNullException.ThrowIfNull(notification);
        var kind = notification.Kind ?? "";
        Count++;
        counts[kind] = counts.GetValueOrDefault(kind) + 1;
        Oldest = notification.At < Oldest ? notification.At : Oldest;
        Newest = notification.At > Newest ? notification.At : Newest;
        if (newestPerKind == 0)
        {
            return;
        }

        if (!newest.TryGetValue(kind, out var kept))
        {
            kept = new List<(DateTimeOffset, long, string)>(newestPerKind + 1);
            newest[kind] = kept;
        }

        kept.Add((notification.At, arrivals++, notification.Subject ?? ""));
        if (kept.Count > newestPerKind)
        {
            kept.Remove(kept.MinBy(k => (k.At, k.Arrival)));
        }
    }

    /// <summary>
    /// The mail, or null when nothing was added (nothing pending: no mail). Plain text: the period covered, a count per
    /// kind (most frequent first, then by name), each kind's newest subjects (newest first), then <paramref name="notes"/>
    /// (e.g. the drift check's conclusion) and which digest this is. Untrusted text (kinds, subjects, notes) is made
    /// printable and cut (<see cref="Printable"/>). The body stays within <see cref="MaxMessageBytes"/>: kinds' subject
    /// lists that do not fit are left out (said so), and as a last resort the text is cut; the subject stays within
    /// <see cref="MaxSubjectChars"/>.
    /// <para>Example: 3 × detection-completed and 1 × review-started, added 08:10 to 08:50 →
    /// subject "Digest: 4 notifications since 2026-03-02 08:10 UTC", body starting
    /// "4 notifications were added from 2026-03-02 08:10:00 to 2026-03-02 08:50:00 UTC." then "  3  detection-completed",
    /// "  1  review-started", then each kind's newest subjects.</para>
    /// </summary>
    public DigestMail? Compose(string digestId, DateTimeOffset through, IReadOnlyList<string>? notes = null)
    {
        ArgumentNullException.ThrowIfNull(digestId);
        if (Count == 0)
        {
            return null;
        }

        var kinds = counts.OrderByDescending(c => c.Value).ThenBy(c => c.Key, StringComparer.Ordinal).ToList();
        var head = new StringBuilder();
        head.Append(CultureInfo.InvariantCulture, $"{Notifications(Count)} {(Count == 1 ? "was" : "were")} added from {Time(Oldest)} to {Time(Newest)} UTC.\n\n");
        head.Append("By kind, most frequent first:\n");
        var width = kinds[0].Value.ToString(CultureInfo.InvariantCulture).Length;
        foreach (var (kind, count) in kinds.Take(MaxKindsListed))
        {
            head.Append(CultureInfo.InvariantCulture, $"  {count.ToString(CultureInfo.InvariantCulture).PadLeft(width)}  {Kind(kind)}\n");
        }

        if (kinds.Count > MaxKindsListed)
        {
            var rest = kinds.Skip(MaxKindsListed).ToList();
            head.Append(CultureInfo.InvariantCulture, $"  … and {rest.Count} more kinds with {Notifications(rest.Sum(r => r.Value))}\n");
        }

        var tail = new StringBuilder("\n");
        foreach (var note in notes ?? [])
        {
            tail.Append(Printable.Line(note, 1000)).Append('\n');
        }

        tail.Append(CultureInfo.InvariantCulture, $"Digest {Printable.Quote(digestId, maxChars: 80)} covers the notifications added before {Time(through)} UTC; later ones go into the next digest. ");
        tail.Append("Which kinds are digested and which are mailed at once is set by Notify-In-Digest and Notify-Immediately.\n");

        var details = new StringBuilder();
        var budget = MaxMessageBytes - Bytes(head) - Bytes(tail) - 200;
        var shownKinds = 0;
        foreach (var (kind, count) in kinds.Take(MaxKindsListed))
        {
            var section = Section(kind, count);
            if (Bytes(details) + Encoding.UTF8.GetByteCount(section) > budget)
            {
                details.Append(CultureInfo.InvariantCulture, $"\n(The newest subjects of {kinds.Count - shownKinds} more kinds are left out to keep this mail under {MaxMessageBytes / 1024} KB.)\n");
                break;
            }

            details.Append(section);
            shownKinds++;
        }

        var message = head.Append(details).Append(tail).ToString();
        return new DigestMail(Subject(), Bounded(message), Count, Oldest, Newest);
    }

    private string Section(string kind, long count)
    {
        if (!newest.TryGetValue(kind, out var kept) || kept.Count == 0)
        {
            return "";
        }

        var section = new StringBuilder();
        section.Append(CultureInfo.InvariantCulture, $"\n{Kind(kind)}: {(count > kept.Count ? $"the newest {kept.Count} of {count}" : count == 1 ? "the only one" : $"all {count}")}\n");
        foreach (var (at, _, subject) in kept.OrderByDescending(k => (k.At, k.Arrival)))
        {
            section.Append(CultureInfo.InvariantCulture, $"  {Time(at)}  {Printable.Line(subject, SubjectChars)}\n");
        }

        return section.ToString();
    }

    private string Subject()
    {
        var subject = $"Digest: {Notifications(Count)} since {Oldest.UtcDateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)} UTC";
        return subject.Length <= MaxSubjectChars ? subject : subject[..MaxSubjectChars];
    }

    // The last resort when the notes alone are too long: cut at a character boundary, said so.
    private static string Bounded(string message)
    {
        if (Encoding.UTF8.GetByteCount(message) <= MaxMessageBytes)
        {
            return message;
        }

        var room = MaxMessageBytes - Encoding.UTF8.GetByteCount(Cut);
        var length = Math.Min(message.Length, room);
        while (Encoding.UTF8.GetByteCount(message.AsSpan(0, length)) > room)
        {
            length -= Math.Max(1, (Encoding.UTF8.GetByteCount(message.AsSpan(0, length)) - room) / 4);
        }

        if (length > 0 && char.IsHighSurrogate(message[length - 1]))
        {
            length--;
        }

        return string.Concat(message.AsSpan(0, length), Cut);
    }

    private static string Kind(string kind) => kind.Length == 0 ? "(no kind)" : Printable.Line(kind, 60);

    private static string Notifications(long count) =>
        count == 1 ? "1 notification" : $"{count.ToString(CultureInfo.InvariantCulture)} notifications";

    private static string Time(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);

    private static int Bytes(StringBuilder text) => Encoding.UTF8.GetByteCount(text.ToString());
}
