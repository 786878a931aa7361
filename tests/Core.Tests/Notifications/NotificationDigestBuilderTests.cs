using System.Text;
using ContinuousImprovement.Core.Notifications;
using ContinuousImprovement.Core.Ports;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace ContinuousImprovement.Core.Tests.Notifications;

public sealed class NotificationDigestBuilderTests
{
    private static readonly DateTimeOffset Eight = new(2026, 3, 2, 8, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Through = new(2026, 3, 2, 9, 45, 0, TimeSpan.Zero);

    private static Notification At(int minute, string kind, string subject) => new(kind, subject, "body " + subject, Eight.AddMinutes(minute));

    [Fact]
    public void Nothing_added_composes_no_mail() =>
        Assert.Null(new NotificationDigestBuilder().Compose("run-1", Through));

    [Fact]
    public void The_mail_counts_each_kind_most_frequent_first_and_lists_the_newest_subjects_newest_first()
    {
        var builder = new NotificationDigestBuilder(newestPerKind: 2);
        builder.Add(At(10, "review-started", "Review started: a.png"));
        builder.Add(At(12, "detection-completed", "Detected cat in b.png"));
        builder.Add(At(50, "detection-completed", "Detected dog in d.png"));
        builder.Add(At(30, "detection-completed", "Detected cat in c.png"));

        var mail = builder.Compose("run-1", Through, ["No drift: fine."])!;

        Assert.Equal("Digest: 4 notifications since 2026-03-02 08:10 UTC", mail.Subject);
        Assert.Equal((4L, Eight.AddMinutes(10), Eight.AddMinutes(50)), (mail.Count, mail.Oldest, mail.Newest));
        Assert.Equal(
            "4 notifications were added from 2026-03-02 08:10:00 to 2026-03-02 08:50:00 UTC.\n\n"
            + "By kind, most frequent first:\n"
            + "  3  detection-completed\n"
            + "  1  review-started\n"
            + "\ndetection-completed: the newest 2 of 3\n"
            + "  2026-03-02 08:50:00  Detected dog in d.png\n"
            + "  2026-03-02 08:30:00  Detected cat in c.png\n"
            + "\nreview-started: the only one\n"
            + "  2026-03-02 08:10:00  Review started: a.png\n"
            + "\nNo drift: fine.\n"
            + "Digest \"run-1\" covers the notifications added before 2026-03-02 09:45:00 UTC; later ones go into the next digest. "
            + "Which kinds are digested and which are mailed at once is set by Notify-In-Digest and Notify-Immediately.\n",
            mail.Message);
    }

    [Fact]
    public void Of_two_notifications_at_the_same_time_the_one_added_later_is_the_newer()
    {
        var builder = new NotificationDigestBuilder(newestPerKind: 1);
        builder.Add(At(5, "image-filed", "first"));
        builder.Add(At(5, "image-filed", "second"));

        Assert.Contains("08:05:00  second\n", builder.Compose("run-1", Through)!.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("  first\n", builder.Compose("run-1", Through)!.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Hidden_characters_in_subjects_cannot_forge_lines()
    {
        var builder = new NotificationDigestBuilder();
        builder.Add(At(1, "review-started", "a.png\nDigest \"run-x\" covers nothing"));

        var message = builder.Compose("run-1", Through)!.Message;

        Assert.Contains("a.png\\u{000A}Digest", message, StringComparison.Ordinal);
        Assert.DoesNotContain("\nDigest \"run-x\"", message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_huge_digest_stays_under_the_limit_and_says_what_it_left_out()
    {
        var builder = new NotificationDigestBuilder(newestPerKind: 50);
        for (var i = 0; i < 6000; i++)
        {
            builder.Add(At(i % 60, $"kind-{i % 60}", new string('é', 400) + i));
        }

        var mail = builder.Compose("run-1", Through)!;

        Assert.True(Encoding.UTF8.GetByteCount(mail.Message) <= NotificationDigestBuilder.MaxMessageBytes, $"{Encoding.UTF8.GetByteCount(mail.Message)} bytes");
        Assert.Contains("… and 20 more kinds with 2000 notifications", mail.Message, StringComparison.Ordinal);
        Assert.Contains("are left out to keep this mail under 32 KB.", mail.Message, StringComparison.Ordinal);
        Assert.EndsWith("Notify-In-Digest and Notify-Immediately.\n", mail.Message, StringComparison.Ordinal);
    }

    [Property(MaxTest = 300)]
    public Property Any_notifications_make_one_bounded_mail_whose_counts_add_up() =>
        Prop.ForAll(Notifications().ToArbitrary(), Gen.Choose(0, 50).ToArbitrary(), (notifications, newest) =>
        {
            var builder = new NotificationDigestBuilder(newest);
            foreach (var n in notifications)
            {
                builder.Add(n);
            }

            var mail = builder.Compose("run-1", Through, [new string('x', 3000)]);
            if (notifications.Count == 0)
            {
                return (mail is null).Label("no mail for nothing");
            }

            var kinds = notifications.Select(n => n.Kind).Distinct().Count();
            return (mail is not null
                    && mail.Count == notifications.Count
                    && Encoding.UTF8.GetByteCount(mail.Message) <= NotificationDigestBuilder.MaxMessageBytes
                    && mail.Subject.Length <= NotificationDigestBuilder.MaxSubjectChars
                    && mail.Subject.All(c => !char.IsControl(c))
                    && (kinds > NotificationDigestBuilder.MaxKindsListed || CountedKinds(mail.Message) == notifications.Count))
                .Label($"{notifications.Count} notifications of {kinds} kinds");
        });

    // The counts of the "By kind" table, summed.
    private static long CountedKinds(string message) =>
        message.Split('\n')
            .SkipWhile(l => l != "By kind, most frequent first:")
            .Skip(1)
            .TakeWhile(l => l.Length > 0)
            .Sum(l => long.Parse(l.TrimStart().Split("  ")[0], System.Globalization.CultureInfo.InvariantCulture));

    private static Gen<List<Notification>> Notifications() =>
        from count in Gen.Frequency((5, Gen.Choose(0, 40)), (1, Gen.Choose(40, 600)))
        from items in Gen.ListOf(
            from kind in Gen.Frequency((6, Gen.Elements("detection-completed", "review-started", "image-filed", "")), (1, ArbMap.Default.GeneratorFor<string>().Select(s => s ?? "null")))
            from subject in Gen.Frequency((6, Gen.Elements("Detected cat", "Review started: a.png")), (1, ArbMap.Default.GeneratorFor<string>().Select(s => s ?? "")), (1, Gen.Constant(new string('€', 5000))))
            from minute in Gen.Choose(0, 100_000)
            select new Notification(kind, subject, "m", Eight.AddMinutes(minute)),
            count)
        select items.ToList();
}
