using ContinuousImprovement.Aws.Adapters;
using ContinuousImprovement.Aws.Tests.Peers;
using ContinuousImprovement.Core.Notifications;
using ContinuousImprovement.Core.Ports;

namespace ContinuousImprovement.Aws.Tests.Adapters;

/// <summary>The DynamoDB digest store against a real dynalite, each test on its own table.</summary>
public sealed class DynamoDbNotificationDigestTests(DynaliteFixture dynamo) : IClassFixture<DynaliteFixture>
{
    private static readonly DateTimeOffset At = new(2026, 11, 26, 8, 30, 0, TimeSpan.Zero);

    private async Task<DynamoDbNotificationDigest> NewDigestAsync() => new(dynamo.Client, await dynamo.NewTableAsync());

    private static Notification Note(int minute, string subject = "s", string kind = "review-started") => new(kind, subject, "body of " + subject, At.AddMinutes(minute));

    private static async Task<List<Notification>> WaitingAsync(DynamoDbNotificationDigest digest, DateTimeOffset before)
    {
        var read = new List<Notification>();
        await foreach (var n in digest.WaitingAsync(before, CancellationToken.None))
        {
            read.Add(n);
        }

        return read;
    }

    [Fact]
    public async Task Waiting_are_the_notifications_added_before_the_time_oldest_first_read_back_whole()
    {
        var digest = await NewDigestAsync();
        await digest.AddAsync(Note(10, "at the time"), CancellationToken.None);
        await digest.AddAsync(Note(5, "second", "image-filed"), CancellationToken.None);
        await digest.AddAsync(new Notification("review-started", "first", "line one\nline two", At.AddMinutes(1).ToOffset(TimeSpan.FromHours(2))), CancellationToken.None);

        var waiting = await WaitingAsync(digest, At.AddMinutes(10));

        Assert.Equal(["first", "second"], waiting.Select(n => n.Subject));
        Assert.Equal(new Notification("review-started", "first", "line one\nline two", At.AddMinutes(1)), waiting[0]);
        Assert.Equal("image-filed", waiting[1].Kind);
    }

    [Fact]
    public async Task A_claim_is_stored_only_over_the_claim_the_caller_read()
    {
        var digest = await NewDigestAsync();
        var a = new DigestClaim("run-a", At, At.AddMinutes(15));
        var b = new DigestClaim("run-b", At.AddHours(1), At.AddMinutes(75));

        var first = await digest.TryClaimAsync(null, a, CancellationToken.None);
        var overNothing = await digest.TryClaimAsync(null, b, CancellationToken.None);
        var overB = await digest.TryClaimAsync(b, b, CancellationToken.None);
        var overA = await digest.TryClaimAsync(a, b, CancellationToken.None);

        Assert.Equal((true, false, false, true), (first, overNothing, overB, overA));
        Assert.Equal(b, await digest.CurrentClaimAsync(CancellationToken.None));
    }

    [Fact]
    public async Task Marking_a_claim_sent_deletes_its_notifications_in_batches_keeps_later_ones_and_releases_it()
    {
        var digest = await NewDigestAsync();
        for (var i = 0; i < 60; i++)
        {
            await digest.AddAsync(Note(i % 10, $"old-{i}"), CancellationToken.None);
        }

        await digest.AddAsync(Note(30, "new"), CancellationToken.None);
        var claim = new DigestClaim("run-a", At.AddMinutes(15), At.AddMinutes(30));
        await digest.TryClaimAsync(null, claim, CancellationToken.None);

        var marked = await digest.MarkSentAsync(claim, CancellationToken.None);
        var again = await digest.MarkSentAsync(claim, CancellationToken.None);

        Assert.Equal((true, true), (marked, again));
        Assert.Equal(["new"], (await WaitingAsync(digest, At.AddDays(1))).Select(n => n.Subject));
        Assert.Null(await digest.CurrentClaimAsync(CancellationToken.None));
    }

    [Fact]
    public async Task A_claim_another_run_took_over_is_not_marked_and_deletes_nothing()
    {
        var digest = await NewDigestAsync();
        await digest.AddAsync(Note(1, "old"), CancellationToken.None);
        var mine = new DigestClaim("run-a", At.AddMinutes(15), At.AddMinutes(30));
        var theirs = new DigestClaim("run-b", At.AddMinutes(40), At.AddMinutes(55));
        await digest.TryClaimAsync(null, mine, CancellationToken.None);
        await digest.TryClaimAsync(mine, theirs, CancellationToken.None);

        var marked = await digest.MarkSentAsync(mine, CancellationToken.None);

        Assert.False(marked);
        Assert.Equal(["old"], (await WaitingAsync(digest, At.AddDays(1))).Select(n => n.Subject));
        Assert.Equal(theirs, await digest.CurrentClaimAsync(CancellationToken.None));
    }

    [Fact]
    public async Task Without_a_table_every_call_is_a_not_found_failure()
    {
        var digest = new DynamoDbNotificationDigest(dynamo.Client, "no-such-table");

        var claim = await Assert.ThrowsAsync<PortException>(() => digest.CurrentClaimAsync(CancellationToken.None));
        var read = await Assert.ThrowsAsync<PortException>(() => WaitingAsync(digest, At));

        Assert.Equal((PortFailure.NotFound, PortFailure.NotFound), (claim.Failure, read.Failure));
    }
}
