using ContinuousImprovement.Asl.Runtime;
using ContinuousImprovement.Core.Ports;
using ContinuousImprovement.Core.Review;
using ContinuousImprovement.Handlers.Detection;
using ContinuousImprovement.Workflows.Tests.Twin;

namespace ContinuousImprovement.Workflows.Tests.Detection;

/// <summary>What becomes of the daily slot the decision reserved when the review then fails to start for good.</summary>
public sealed class DetectionReviewSlotTests
{
    [Fact]
    public async Task A_review_that_never_starts_gives_its_slot_back_says_so_and_the_slot_serves_the_next_upload()
    {
        var fault = new PortFault(typeof(IHumanReview), nameof(IHumanReview.StartAsync), FaultMode.Always, PortFailure.Unavailable);
        using var twin = await DetectionTwin.StartAsync(fault);
        await twin.SetAsync("Max-Human-Loops-Per-Day", "1");
        await twin.ServeAsync(otherwise: DetectionTwin.Uncertain);
        var upload = await twin.UploadAsync("images_for_detection/outage.png");

        var run = await twin.DetectAsync(upload);

        Assert.Equal((ExecutionStatus.Failed, "Port.Unavailable"), (run.Status, run.Execution.Error));
        Assert.True(fault.Failures > 1, $"the start failed only {fault.Failures} times: its retries were not spent");
        Assert.Empty(twin.Reviews.OpenLoops());
        Assert.Equal(0, await twin.Inferences.HumanLoopsOnAsync(twin.Today, default));
        var mail = Assert.Single(twin.Outbox.Published());
        Assert.Equal("workflow-error", mail.Kind);
        Assert.Contains($"after the error human loop {HumanLoopName.For(upload.Ref)} was not started, so its slot of 2026-03-02 was given back; the inference log no longer says it was sent to a reviewer.", mail.Message, StringComparison.Ordinal);
        var logged = Assert.Single(await twin.Inferences.AllAsync(default)).Record;
        Assert.False(logged.SentToHuman);
        Assert.Null(logged.HumanLoopName);
        Assert.Contains("its review could not start (Port.Unavailable)", logged.Reasons);

        fault.Heal();
        var next = await twin.DetectAsync(await twin.UploadAsync("images_for_detection/after.png"));

        Assert.Equal(DetectionStatus.ReviewStarted, next.OutcomeStatus);
        Assert.Equal(1, await twin.Inferences.HumanLoopsOnAsync(twin.Today, default));
    }

    [Fact]
    public async Task A_start_that_landed_but_whose_answer_was_lost_keeps_its_slot_and_says_so()
    {
        var fault = new PortFault(typeof(IHumanReview), nameof(IHumanReview.StartAsync), FaultMode.AlwaysAfterLanding, PortFailure.Timeout);
        using var twin = await DetectionTwin.StartAsync(fault);
        await twin.ServeAsync(otherwise: DetectionTwin.Uncertain);
        var upload = await twin.UploadAsync("images_for_detection/lost answer.png");

        var run = await twin.DetectAsync(upload);

        Assert.Equal((ExecutionStatus.Failed, "Port.Timeout"), (run.Status, run.Execution.Error));
        var loop = Assert.Single(twin.Reviews.OpenLoops());
        Assert.Equal(HumanLoopName.For(upload.Ref), loop.HumanLoopName);
        Assert.Equal(1, await twin.Inferences.HumanLoopsOnAsync(twin.Today, default));
        var mail = Assert.Single(twin.Outbox.Published());
        Assert.Contains($"after the error human loop {loop.HumanLoopName} exists after all (its start landed), so its slot of 2026-03-02 stays taken.", mail.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_slot_reserved_before_midnight_goes_back_to_its_own_day()
    {
        using var twin = await DetectionTwin.StartAsync();
        var yesterday = twin.Today.AddDays(-1);
        await twin.Inferences.TryReserveHumanLoopAsync(yesterday, 5, default);
        await twin.Inferences.TryReserveHumanLoopAsync(yesterday, 5, default);
        await twin.Inferences.TryReserveHumanLoopAsync(twin.Today, 5, default);
        var decided = new DetectionOutcome(DetectionStatus.ReviewWanted, "wanted", true, "loop-before-midnight", ["random"], null, null, yesterday);

        var returned = await new ReturnReviewSlot(twin.Ports).HandleAsync(new ReturnReviewSlotRequest(new DetectionProgress(Outcome: decided)), default);

        Assert.True(returned.Released);
        Assert.Equal((1, 1), (await twin.Inferences.HumanLoopsOnAsync(yesterday, default), await twin.Inferences.HumanLoopsOnAsync(twin.Today, default)));
        Assert.Equal("human loop loop-before-midnight was not started, so its slot of 2026-03-01 was given back", returned.Summary);
    }

    [Fact]
    public async Task A_decision_that_reserved_nothing_gives_nothing_back()
    {
        using var twin = await DetectionTwin.StartAsync();
        await twin.Inferences.TryReserveHumanLoopAsync(twin.Today, 5, default);
        var capped = new DetectionOutcome(DetectionStatus.Capped, "capped", false, null, ["random"], null, null);

        var returned = await new ReturnReviewSlot(twin.Ports).HandleAsync(new ReturnReviewSlotRequest(new DetectionProgress(Outcome: capped)), default);

        Assert.Equal(new ContinuousImprovement.Handlers.Contracts.ReviewSlotReturned(false, "no slot was reserved"), returned);
        Assert.Equal(1, await twin.Inferences.HumanLoopsOnAsync(twin.Today, default));
    }
}
