using System.Text.Json;
using ContinuousImprovement.Core.Audit;
using ContinuousImprovement.Handlers.AuditSampling;
using ContinuousImprovement.Handlers.Contracts;
using ContinuousImprovement.Handlers.Invocation;

namespace ContinuousImprovement.Workflows.Tests.AuditSampling;

/// <summary>The audit handlers on their own, for the cases a run on the twin cannot stage (races, retries).</summary>
public sealed class AuditHandlersTests
{
    private static readonly IReadOnlyDictionary<string, string> NoSettings = new Dictionary<string, string>();

    private static AuditPickItem Pick(long sequence, long resumeLast, int resumeCounted) =>
        new(sequence, $"images_for_detection/{sequence}.png", AuditTwin.ModelArn, new PredictionResult([new("cat", 97.5)]), [], 3, new AuditCursor(resumeLast, resumeCounted), $"audit-sampling: inference #{sequence}");

    private static PickOutcome Outcome(long sequence, string status) =>
        new(sequence, $"images_for_detection/{sequence}.png", status, status, false, null, status == AuditPickStatus.ReviewStarted ? $"loop-{sequence}" : null, []);

    private static AuditPlanned Plan(AuditCursor? stored, bool more = false, params AuditPickItem[] picks) =>
        new(stored, new AuditCursor(21, 2), picks, 0, 0, 7, 3, false, more, 5, "planned");

    [Fact]
    public async Task A_pick_another_workflow_took_the_last_slot_from_stops_the_cursor_just_before_it()
    {
        using var twin = await AuditTwin.StartAsync();
        await twin.Inferences.TryMoveAuditCursorAsync(null, new AuditCursor(10, 1), default);
        var plan = Plan(new AuditCursor(10, 1), more: true, Pick(13, 12, 2), Pick(18, 17, 2));

        var totals = await new FinishAuditRound(twin.Ports).HandleAsync(new FinishRoundRequest(plan, [Outcome(13, AuditPickStatus.ReviewStarted), Outcome(18, AuditPickStatus.Capped)], AuditTotals.None, 10), default);

        Assert.Equal(new AuditCursor(17, 2), await twin.CursorAsync());
        Assert.Equal((1, 1, true, false, false), (totals.Started, totals.Capped, totals.Deferred, totals.Again, totals.CursorTaken));
        Assert.Equal(["loop-13 (\"images_for_detection/13.png\")"], totals.StartedLoops);
        Assert.Contains("the next pick waits for the next run", totals.Notification!.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_retried_finish_finds_its_own_move_stored_and_another_runs_move_stands()
    {
        using var twin = await AuditTwin.StartAsync();
        var finish = new FinishAuditRound(twin.Ports);
        var plan = Plan(null, more: false, Pick(13, 12, 2));
        var sent = new[] { Outcome(13, AuditPickStatus.ReviewStarted) };

        var first = await finish.HandleAsync(new FinishRoundRequest(plan, sent, AuditTotals.None, 10), default);
        var retried = await finish.HandleAsync(new FinishRoundRequest(plan, sent, AuditTotals.None, 10), default);
        await twin.Inferences.TryMoveAuditCursorAsync(new AuditCursor(21, 2), new AuditCursor(30, 0), default);
        var stale = await finish.HandleAsync(new FinishRoundRequest(plan with { Stored = new AuditCursor(21, 2), Next = new AuditCursor(25, 1) }, sent, AuditTotals.None, 10), default);

        Assert.Equal((false, false, true), (first.CursorTaken, retried.CursorTaken, stale.CursorTaken));
        Assert.Equal(new AuditCursor(30, 0), await twin.CursorAsync());
        Assert.Equal(new AuditCursor(30, 0), stale.Cursor);
        Assert.Contains("Another audit run moved the cursor meanwhile; its position stands.", stale.Notification!.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Another_round_follows_while_more_waits_and_the_round_limit_allows_with_no_notification_before_the_last()
    {
        using var twin = await AuditTwin.StartAsync();
        var finish = new FinishAuditRound(twin.Ports);

        var first = await finish.HandleAsync(new FinishRoundRequest(Plan(null, more: true), [], AuditTotals.None, 2), default);
        var second = await finish.HandleAsync(new FinishRoundRequest(Plan(new AuditCursor(21, 2), more: true) with { Next = new AuditCursor(40, 5) }, [], first, 2), default);

        Assert.Equal((true, 1), (first.Again, first.Rounds));
        Assert.Null(first.Notification);
        Assert.Equal((false, 2, 14), (second.Again, second.Rounds, second.Confident));
        Assert.Equal("Audit sampling: no detection due", second.Notification!.Subject);
        Assert.Equal("2 rounds: 14 confident detections counted, 0 started, 0 already in review, 0 gone, 0 without a slot; resuming after inference #40", second.Summary);
    }

    [Fact]
    public async Task A_round_that_could_not_move_the_cursor_forward_ends_the_execution_even_with_more_to_read()
    {
        using var twin = await AuditTwin.StartAsync();
        await twin.Inferences.TryMoveAuditCursorAsync(null, new AuditCursor(21, 2), default);

        var totals = await new FinishAuditRound(twin.Ports).HandleAsync(new FinishRoundRequest(Plan(new AuditCursor(21, 2), more: true), [], AuditTotals.None, 10), default);

        Assert.False(totals.Again);
        Assert.Equal(new AuditCursor(21, 2), totals.Cursor);
    }

    [Fact]
    public async Task A_failure_during_a_later_round_says_what_the_finished_rounds_did_and_where_the_cursor_stays()
    {
        using var twin = await AuditTwin.StartAsync();
        var settings = new AuditSettingsLoaded(true, "on", AuditTwin.Bucket, 100, 10, NoSettings, [], AuditTotals.None);
        var totals = AuditTotals.None with { Rounds = 2, Started = 3, Cursor = new AuditCursor(200, 4) };
        var progress = new AuditProgress(settings, totals, Plan(new AuditCursor(200, 4), false, Pick(203, 202, 2)), new ErrorInfo("Port.Throttled", "audit-sampling-start-review: slow down"));

        var report = await new DescribeAuditFailure().HandleAsync(new DescribeAuditFailureRequest(JsonDocument.Parse("{}").RootElement, progress), default);

        Assert.Equal(("workflow-error", "Audit sampling failed"), (report.Notification.Kind, report.Notification.Subject));
        Assert.Equal(
            "The audit-sampling workflow stopped with Port.Throttled: audit-sampling-start-review: slow down\n"
            + "Done before it stopped: the settings were read; 2 rounds finished (3 loops started, cursor moved to inference #200); the round after them planned 1 pick from inference #200.\n"
            + "The audit cursor stays at inference #200: the next run takes up the unfinished round again, and finds the loops it already started by their names, so no image is sent twice and none is skipped.",
            report.Notification.Message);
        Assert.Same(NoSettings, report.Settings);
    }

    [Theory]
    [InlineData("""{"input":{"bucket":"b","maxExamined":0}}""", "maxExamined must be 1 to 10000 and maxRounds 1 to 100; got 0 and 10.")]
    [InlineData("""{"input":{"bucket":"b","maxRounds":101}}""", "maxExamined must be 1 to 10000 and maxRounds 1 to 100; got 1000 and 101.")]
    [InlineData("""{"input":{"bucket":""}}""", "The audit input needs the bucket the uploads are in.")]
    [InlineData("""{"input":{}}""", "cannot read its input as a LoadAuditSettingsRequest")]
    public async Task Input_outside_the_limits_is_refused_naming_the_values(string input, string message)
    {
        using var twin = await AuditTwin.StartAsync();

        var result = await new HandlerCatalog(twin.Ports)[AuditSamplingWorkflow.LoadSettings].InvokeAsync(System.Text.Encoding.UTF8.GetBytes(input), default);

        Assert.Equal(HandlerErrors.InvalidInput, result.Error?.Name);
        Assert.Contains(message, result.Error!.Cause, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(1, "1st")]
    [InlineData(2, "2nd")]
    [InlineData(3, "3rd")]
    [InlineData(4, "4th")]
    [InlineData(11, "11th")]
    [InlineData(12, "12th")]
    [InlineData(13, "13th")]
    [InlineData(21, "21st")]
    [InlineData(100, "100th")]
    [InlineData(112, "112th")]
    public async Task The_interval_is_named_as_an_ordinal(int interval, string ordinal)
    {
        using var twin = await AuditTwin.StartAsync(interval: interval);

        var loaded = await new LoadAuditSettings(twin.Ports).HandleAsync(new LoadAuditSettingsRequest(new AuditInput(AuditTwin.Bucket)), default);

        Assert.Equal($"every {ordinal} confident detection goes to a human", loaded.Reason);
        Assert.True(loaded.Enabled);
    }
}
