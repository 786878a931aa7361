using System.Text.RegularExpressions;
using ContinuousImprovement.Asl.Runtime;
using ContinuousImprovement.Core.Audit;
using ContinuousImprovement.Core.Review;
using ContinuousImprovement.Core.Storage;
using ContinuousImprovement.Handlers.AuditSampling;
using ContinuousImprovement.Handlers.Invocation;
using ContinuousImprovement.Workflows.Tests.Twin;

namespace ContinuousImprovement.Workflows.Tests.AuditSampling;

public sealed partial class AuditSamplingWorkflowTests
{
    [Fact]
    public async Task Every_third_confident_detection_goes_to_one_human_loop_and_the_rest_stay_as_they_were()
    {
        using var twin = await AuditTwin.StartAsync(interval: 3);
        await twin.ConfidentAsync(2);
        await twin.DetectedAsync("unsure.png", confidence: 41.7, sentBy: "below-threshold: top confidence 41.7 < 70 (cat)");
        await twin.DetectedAsync("doubtful.png", confidence: 60);
        await twin.ConfidentAsync(5, "dog");

        var run = await twin.RunAsync();

        Assert.Equal(ExecutionStatus.Succeeded, run.Status);
        Assert.Equal(["images_for_detection/dog-1.png", "images_for_detection/dog-4.png"], twin.LoopKeys());
        var records = await twin.RecordsAsync();
        var loop = twin.Loops.Single(l => l.Key == "images_for_detection/dog-1.png");
        var stored = await twin.Objects.HeadAsync(AuditTwin.Bucket, loop.Key, default);
        Assert.Equal(HumanLoopName.For(stored!.Ref), loop.HumanLoopName);
        Assert.Equal(["audit-sampling: inference #5 is confident detection 3 since the last audit pick (interval 3)"], loop.Reasons);
        Assert.Equal(["cat", "dog", "None of the Above"], loop.Labels);
        Assert.Equal((true, loop.HumanLoopName), (records[5].SentToHuman, records[5].HumanLoopName));
        Assert.Equal(loop.Reasons, records[5].Reasons);
        Assert.All(new long[] { 1, 2, 4, 6, 7, 9 }, n => Assert.False(records[n].SentToHuman));
        Assert.Equal("loop-of-detection-3", records[3].HumanLoopName);
        Assert.Equal(new AuditCursor(9, 1), await twin.CursorAsync());
        Assert.Equal(2, await twin.SlotsTodayAsync());
        var digest = Assert.Single(twin.Digest.Pending());
        Assert.Equal("audit-completed", digest.Kind);
        Assert.Equal("Audit sampling: 2 confident detections sent to review", digest.Subject);
        Assert.Contains("Counted 7 confident detections in 1 round; every 3rd goes to a human. The audit resumes after inference #9 (1 detection counted toward the next pick).", digest.Message, StringComparison.Ordinal);
        Assert.Contains($"{loop.HumanLoopName} (\"images_for_detection/dog-1.png\")", digest.Message, StringComparison.Ordinal);
        Assert.Empty(twin.Outbox.Published());
    }

    [Fact]
    public async Task The_next_run_resumes_at_the_cursor_carrying_the_count_and_never_picks_an_image_again()
    {
        using var twin = await AuditTwin.StartAsync(interval: 3);
        await twin.ConfidentAsync(4, "first");
        await twin.RunAsync();
        await twin.ConfidentAsync(3, "second");

        var second = await twin.RunAsync();
        var third = await twin.RunAsync();

        Assert.Equal(ExecutionStatus.Succeeded, second.Status);
        Assert.Equal(["images_for_detection/first-3.png", "images_for_detection/second-2.png"], twin.LoopKeys());
        Assert.Equal(new AuditCursor(7, 1), await twin.CursorAsync());
        Assert.Equal(ExecutionStatus.Succeeded, third.Status);
        Assert.Equal(System.Text.Json.JsonValueKind.Null, third.Output.GetProperty("totals").GetProperty("notification").ValueKind);
        Assert.Equal(2, twin.Digest.Pending().Count);
        Assert.Equal(2, await twin.SlotsTodayAsync());
    }

    [Fact]
    public async Task Rounds_of_a_few_detections_pick_what_one_round_picks()
    {
        using var twin = await AuditTwin.StartAsync(interval: 2);
        await twin.ConfidentAsync(7);

        var run = await twin.RunAsync(maxExamined: 2);

        Assert.Equal(ExecutionStatus.Succeeded, run.Status);
        Assert.Equal("4", run.Text("totals.rounds"));
        Assert.Equal(["images_for_detection/cat-2.png", "images_for_detection/cat-4.png", "images_for_detection/cat-6.png"], twin.LoopKeys());
        Assert.Equal(new AuditCursor(7, 1), await twin.CursorAsync());
        Assert.Single(twin.Digest.Pending());
    }

    [Fact]
    public async Task An_execution_stops_after_its_round_limit_and_the_next_one_goes_on()
    {
        using var twin = await AuditTwin.StartAsync(interval: 2);
        await twin.ConfidentAsync(7);

        var first = await twin.RunAsync(maxExamined: 2, maxRounds: 2);
        var afterFirst = await twin.CursorAsync();
        var second = await twin.RunAsync(maxExamined: 2, maxRounds: 2);

        Assert.Equal(("2", "2"), (first.Text("totals.rounds"), second.Text("totals.rounds")));
        Assert.Equal(new AuditCursor(4, 0), afterFirst);
        Assert.Equal(new AuditCursor(7, 1), await twin.CursorAsync());
        Assert.Equal(3, twin.Loops.Count);
    }

    [Fact]
    public async Task The_daily_cap_defers_the_pick_it_has_no_slot_for_to_the_next_day_where_it_is_taken_first()
    {
        using var twin = await AuditTwin.StartAsync(interval: 2);
        await twin.SetAsync("Max-Human-Loops-Per-Day", "3");
        for (var i = 0; i < 2; i++)
        {
            Assert.True(await twin.Inferences.TryReserveHumanLoopAsync(twin.Today, 3, default));
        }

        await twin.ConfidentAsync(6);

        var today = await twin.RunAsync();
        var again = await twin.RunAsync();
        twin.Clock.Advance(TimeSpan.FromDays(1));
        var tomorrow = await twin.RunAsync();

        Assert.Equal(ExecutionStatus.Succeeded, today.Status);
        Assert.Equal(new AuditCursor(6, 0), await twin.CursorAsync());
        Assert.Equal(["images_for_detection/cat-2.png", "images_for_detection/cat-4.png", "images_for_detection/cat-6.png"], twin.LoopKeys());
        var digest = twin.Digest.Pending();
        Assert.Equal("Audit sampling: 1 confident detection sent to review", digest[0].Subject);
        Assert.Contains("The daily cap of human loops (Max-Human-Loops-Per-Day) is reached: the next pick waits for the next run.", digest[0].Message, StringComparison.Ordinal);
        Assert.Contains("resumes after inference #3 (1 detection counted toward the next pick)", digest[0].Message, StringComparison.Ordinal);
        Assert.Equal("Audit sampling: waiting for the daily cap", digest[1].Subject);
        Assert.Equal("Audit sampling: 2 confident detections sent to review", digest[2].Subject);
        Assert.Equal(ExecutionStatus.Succeeded, again.Status);
        Assert.Equal(ExecutionStatus.Succeeded, tomorrow.Status);
        Assert.Equal(2, await twin.SlotsTodayAsync());
    }

    [Theory]
    [InlineData("Enable-Automatic-Human-Sampling", "false", "audit sampling is switched off (Enable-Automatic-Human-Sampling is false)")]
    [InlineData("Enable-A2I-Workflow", "false", "human review is switched off (Enable-A2I-Workflow is false), so no one can be asked")]
    [InlineData("Max-Human-Loops-Per-Day", "0", "Max-Human-Loops-Per-Day is 0, so no human loop may be started")]
    public async Task Switched_off_it_ends_quietly_without_reading_the_log_or_telling_anyone(string parameter, string value, string reason)
    {
        using var twin = await AuditTwin.StartAsync(interval: 1);
        await twin.SetAsync(parameter, value);
        await twin.ConfidentAsync(3);

        var run = await twin.RunAsync();

        Assert.Equal(ExecutionStatus.Succeeded, run.Status);
        Assert.Equal(reason, run.Text("settings.reason"));
        Assert.Null(run.Text("plan"));
        Assert.Empty(twin.Loops);
        Assert.Null(await twin.CursorAsync());
        Assert.Empty(twin.Digest.Pending());
        Assert.Empty(twin.Outbox.Published());
        Assert.All((await twin.RecordsAsync()).Values, r => Assert.False(r.SentToHuman));
    }

    [Fact]
    public async Task The_same_upload_logged_twice_gets_one_loop_and_one_slot()
    {
        using var twin = await AuditTwin.StartAsync(interval: 1);
        await twin.DetectedAsync("twice.png");
        await twin.DetectedAsync("twice.png", upload: false);
        await twin.DetectedAsync("once.png");

        var run = await twin.RunAsync();

        Assert.Equal(ExecutionStatus.Succeeded, run.Status);
        Assert.Equal(["images_for_detection/once.png", "images_for_detection/twice.png"], twin.LoopKeys());
        Assert.Equal(2, await twin.SlotsTodayAsync());
        Assert.Contains("1 detection at a pick position was passed over (labeled already, or the same image)", twin.Digest.Pending()[0].Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_re_run_after_the_cursor_was_lost_finds_its_loops_and_starts_nothing_twice()
    {
        using var twin = await AuditTwin.StartAsync(interval: 2);
        await twin.ConfidentAsync(5);
        await twin.RunAsync();
        var loops = twin.Loops.Select(l => l.HumanLoopName).ToList();
        Assert.True(await twin.Inferences.TryMoveAuditCursorAsync(await twin.CursorAsync(), AuditCursor.Start, default));

        var again = await twin.RunAsync();

        Assert.Equal(ExecutionStatus.Succeeded, again.Status);
        Assert.Equal(loops, twin.Loops.Select(l => l.HumanLoopName));
        Assert.Equal(2, await twin.SlotsTodayAsync());
        Assert.Equal(new AuditCursor(5, 1), await twin.CursorAsync());
        Assert.Equal("2", again.Text("totals.alreadySent"));
        Assert.Contains("2 picks were already in review", twin.Digest.Pending()[^1].Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_pick_whose_upload_already_has_its_loop_is_recorded_without_a_second_loop_or_a_slot()
    {
        using var twin = await AuditTwin.StartAsync(interval: 1);
        await twin.DetectedAsync("reviewed.png");
        var stored = await twin.Objects.HeadAsync(AuditTwin.Bucket, "images_for_detection/reviewed.png", default);
        var name = HumanLoopName.For(stored!.Ref);
        await twin.Reviews.StartAsync(new Core.Ports.ReviewRequest(name, stored.Ref, ["cat"], Core.Sampling.Prediction.Empty, ["by hand"]), default);

        var run = await twin.RunAsync();

        Assert.Equal(ExecutionStatus.Succeeded, run.Status);
        Assert.Single(twin.Loops);
        Assert.Equal(0, await twin.SlotsTodayAsync());
        Assert.Equal((true, name), ((await twin.RecordsAsync())[1].SentToHuman, (await twin.RecordsAsync())[1].HumanLoopName));
        Assert.Equal("1", run.Text("totals.alreadyInReview"));
    }

    [Fact]
    public async Task A_picked_image_no_longer_in_the_bucket_is_passed_with_the_cursor_and_reported()
    {
        using var twin = await AuditTwin.StartAsync(interval: 1);
        await twin.DetectedAsync("vanished.png", upload: false);
        await twin.DetectedAsync("here.png");

        var run = await twin.RunAsync();

        Assert.Equal(ExecutionStatus.Succeeded, run.Status);
        Assert.Equal(["images_for_detection/here.png"], twin.LoopKeys());
        Assert.Equal(new AuditCursor(2, 0), await twin.CursorAsync());
        Assert.Contains("1 picked image is no longer in the bucket.", twin.Digest.Pending()[0].Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Detections_too_recent_for_their_decision_wait_for_a_later_run()
    {
        using var twin = await AuditTwin.StartAsync(interval: 1);
        await twin.DetectedAsync("settled.png");
        await twin.DetectedAsync("fresh.png", ago: TimeSpan.FromMinutes(5));

        await twin.RunAsync();
        var before = twin.LoopKeys();
        twin.Clock.Advance(TimeSpan.FromMinutes(9));
        await twin.RunAsync();
        var atFourteenMinutes = twin.LoopKeys();
        twin.Clock.Advance(TimeSpan.FromMinutes(2));
        await twin.RunAsync();

        Assert.Equal(["images_for_detection/settled.png"], before);
        Assert.Equal(["images_for_detection/settled.png"], atFourteenMinutes);
        Assert.Equal(["images_for_detection/fresh.png", "images_for_detection/settled.png"], twin.LoopKeys());
        Assert.Equal(new AuditCursor(2, 0), await twin.CursorAsync());
    }

    [Fact]
    public async Task Without_a_bucket_the_input_is_refused_and_the_operator_told()
    {
        using var twin = await AuditTwin.StartAsync();

        var run = await twin.RunAsync(bucket: " ");

        Assert.Equal(ExecutionStatus.Failed, run.Status);
        Assert.Equal(HandlerErrors.InvalidInput, run.Execution.Error);
        var mail = Assert.Single(twin.Outbox.Published());
        Assert.Equal(("workflow-error", "Audit sampling failed"), (mail.Kind, mail.Subject));
        Assert.Contains("The audit input needs the bucket the uploads are in.", mail.Message, StringComparison.Ordinal);
        Assert.Contains("Nothing was done: the settings were not read. The audit cursor did not move.", mail.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Every_placeholder_of_the_definition_names_a_function_the_catalog_serves()
    {
        using var twin = await AuditTwin.StartAsync();
        var catalog = new HandlerCatalog(twin.Ports);
        var definition = await File.ReadAllTextAsync(RepositoryPaths.InRepository(AuditSamplingWorkflow.DefinitionFile));

        var placeholders = Placeholder().Matches(definition).Select(m => m.Groups[1].Value).Distinct().Order(StringComparer.Ordinal);
        var ours = catalog.Names.Where(n => n.StartsWith("audit-sampling-", StringComparison.Ordinal)).ToList();

        Assert.Equal(AuditSamplingWorkflow.Functions.Keys.Order(StringComparer.Ordinal), placeholders);
        Assert.All(AuditSamplingWorkflow.Functions.Values, name => Assert.True(catalog.TryGet(name, out _), name));
        Assert.All(ours, name => Assert.Contains(name, AuditSamplingWorkflow.Functions.Values));
        Assert.Equal(7, ours.Count);
    }

    [GeneratedRegex(@"\$\{([A-Za-z0-9_]+)\}")]
    private static partial Regex Placeholder();
}
