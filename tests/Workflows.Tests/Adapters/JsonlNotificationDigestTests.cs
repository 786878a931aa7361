using ContinuousImprovement.Core.Notifications;
using ContinuousImprovement.Core.Ports;
using ContinuousImprovement.Local.Adapters;
using ContinuousImprovement.Workflows.Tests.Twin;

namespace ContinuousImprovement.Workflows.Tests.Adapters;

public sealed class JsonlNotificationDigestTests : IDisposable
{
    private static readonly DateTimeOffset At = new(2026, 3, 2, 10, 0, 0, TimeSpan.Zero);
    private readonly TempFolder folder = new();
    private readonly JsonlNotificationDigest digest;

    public JsonlNotificationDigestTests() => digest = new JsonlNotificationDigest(folder["outbox/digest.jsonl"]);

    public void Dispose() => folder.Dispose();

    private static Notification Note(int minute, string subject = "s") => new("review-started", subject, "m", At.AddMinutes(minute));

    private async Task<List<Notification>> WaitingAsync(DateTimeOffset before)
    {
        var read = new List<Notification>();
        await foreach (var n in digest.WaitingAsync(before, default))
        {
            read.Add(n);
        }

        return read;
    }

    [Fact]
    public async Task A_claim_is_stored_only_over_the_claim_the_caller_read()
    {
        var a = new DigestClaim("run-a", At, At.AddMinutes(15));
        var b = new DigestClaim("run-b", At.AddHours(1), At.AddMinutes(75));

        var first = await digest.TryClaimAsync(null, a, default);
        var overNothing = await digest.TryClaimAsync(null, b, default);
        var overB = await digest.TryClaimAsync(b, b, default);
        var overA = await digest.TryClaimAsync(a, b, default);

        Assert.Equal((true, false, false, true), (first, overNothing, overB, overA));
        Assert.Equal(b, await new JsonlNotificationDigest(folder["outbox/digest.jsonl"]).CurrentClaimAsync(default));
    }

    [Fact]
    public async Task Waiting_are_the_notifications_added_before_the_time_in_the_order_they_were_added()
    {
        await digest.AddAsync(Note(5, "second"), default);
        await digest.AddAsync(Note(1, "first"), default);
        await digest.AddAsync(Note(10, "at the time"), default);

        Assert.Equal(["second", "first"], (await WaitingAsync(At.AddMinutes(10))).Select(n => n.Subject));
    }

    [Fact]
    public async Task Marking_a_claim_sent_removes_its_notifications_keeps_later_ones_releases_it_and_is_harmless_again()
    {
        await digest.AddAsync(Note(1, "old"), default);
        await digest.AddAsync(Note(20, "new"), default);
        var claim = new DigestClaim("run-a", At.AddMinutes(15), At.AddMinutes(30));
        await digest.TryClaimAsync(null, claim, default);

        var marked = await digest.MarkSentAsync(claim, default);
        var again = await digest.MarkSentAsync(claim, default);

        Assert.Equal((true, true), (marked, again));
        Assert.Equal(["new"], digest.Pending().Select(n => n.Subject));
        Assert.Null(await digest.CurrentClaimAsync(default));
    }

    [Fact]
    public async Task A_claim_another_run_took_over_is_not_marked_and_removes_nothing()
    {
        await digest.AddAsync(Note(1, "old"), default);
        var mine = new DigestClaim("run-a", At.AddMinutes(15), At.AddMinutes(30));
        var theirs = new DigestClaim("run-b", At.AddMinutes(40), At.AddMinutes(55));
        await digest.TryClaimAsync(null, mine, default);
        await digest.TryClaimAsync(mine, theirs, default);

        var marked = await digest.MarkSentAsync(mine, default);

        Assert.False(marked);
        Assert.Equal(["old"], digest.Pending().Select(n => n.Subject));
        Assert.Equal(theirs, await digest.CurrentClaimAsync(default));
    }

    [Fact]
    public async Task A_file_written_before_claims_existed_is_read_as_it_is()
    {
        Directory.CreateDirectory(folder["outbox"]);
        await File.WriteAllTextAsync(digest.Path, """
            {"kind":"review-started","subject":"Review started: a.png","message":"m","at":"2026-03-02T09:00:00+00:00"}

            {"kind":"image-filed","subject":"Image filed: a.png","message":"m","at":"2026-03-02T09:05:00+00:00"}

            """);

        Assert.Equal(["review-started", "image-filed"], (await WaitingAsync(At)).Select(n => n.Kind));
    }

    [Fact]
    public async Task A_line_that_is_not_a_notification_stops_the_read_with_its_place_and_is_never_dropped()
    {
        await digest.AddAsync(Note(1, "kept"), default);
        await File.AppendAllTextAsync(digest.Path, "{\"kind\":\n");
        var claim = new DigestClaim("run-a", At.AddHours(1), At.AddHours(1));
        await digest.TryClaimAsync(null, claim, default);

        var read = await Assert.ThrowsAsync<PortException>(() => WaitingAsync(At.AddHours(1)));
        var mark = await Assert.ThrowsAsync<PortException>(() => digest.MarkSentAsync(claim, default));

        Assert.Equal(PortFailure.Invalid, read.Failure);
        Assert.Contains("Line 2 of ", read.Message, StringComparison.Ordinal);
        Assert.Contains("\"{\\u{0022}kind\\u{0022}:\"", read.Message, StringComparison.Ordinal);
        Assert.Equal(PortFailure.Invalid, mark.Failure);
        Assert.Equal(2, (await File.ReadAllLinesAsync(digest.Path)).Length);
    }

    [Fact]
    public async Task Appends_through_another_instance_while_claims_are_marked_sent_are_never_lost_or_taken_twice()
    {
        const int Count = 300;
        var other = new JsonlNotificationDigest(folder["outbox/digest.jsonl"]);
        var appended = 0;
        var appender = Task.Run(async () =>
        {
            for (var i = 0; i < Count; i++)
            {
                await other.AddAsync(new Notification("detection-completed", $"n{i}", "m", At.AddSeconds(i)), default);
                Volatile.Write(ref appended, i + 1);
            }
        });

        // As the digest's settle time guarantees: a claim covers only notifications already written.
        var taken = new List<string>();
        DigestClaim? stored = null;
        var round = 0;
        while (!appender.IsCompleted || Volatile.Read(ref appended) > taken.Count)
        {
            var claim = new DigestClaim($"run-{++round}", At.AddSeconds(Volatile.Read(ref appended)), At);
            Assert.True(await digest.TryClaimAsync(stored, claim, default));
            taken.AddRange((await WaitingAsync(claim.Through)).Select(n => n.Subject));
            Assert.True(await digest.MarkSentAsync(claim, default));
            stored = null;
        }

        await appender;
        Assert.Equal(Enumerable.Range(0, Count).Select(i => $"n{i}"), taken);
        Assert.Empty(digest.Pending());
    }
}
