using ContinuousImprovement.Asl.Runtime;
using ContinuousImprovement.Core.Ports;
using ContinuousImprovement.Handlers.AuditSampling;
using ContinuousImprovement.Handlers.Contracts;
using ContinuousImprovement.Workflows.Tests.Twin;

namespace ContinuousImprovement.Workflows.Tests.AuditSampling;

/// <summary>What becomes of the daily slot a pick reserved when its loop then fails to start for good.</summary>
public sealed class AuditReviewSlotTests
{
    private const string Picked = "images_for_detection/cat-3.png";

    [Fact]
    public async Task A_pick_whose_loop_never_starts_gives_its_slot_back_says_so_and_the_next_run_takes_it()
    {
        var fault = new PortFault(typeof(IHumanReview), nameof(IHumanReview.StartAsync), FaultMode.Always, PortFailure.Unavailable);
        using var twin = await AuditTwin.StartAsync(interval: 3, fault);
        await twin.SetAsync("Max-Human-Loops-Per-Day", "1");
        await twin.ConfidentAsync(3);

        var run = await twin.RunAsync();

        Assert.Equal((ExecutionStatus.Failed, "Port.Unavailable"), (run.Status, run.Execution.Error));
        Assert.True(fault.Failures > 1, $"the start failed only {fault.Failures} times: its retries were not spent");
        Assert.Empty(twin.Loops);
        Assert.Equal(0, await twin.SlotsTodayAsync());
        var mail = Assert.Single(twin.Outbox.Published());
        Assert.Equal("workflow-error", mail.Kind);
        Assert.Contains("(inference #3: after the error human loop ", mail.Message, StringComparison.Ordinal);
        Assert.Contains(" was not started, so its slot of 2026-03-02 was given back)", mail.Message, StringComparison.Ordinal);

        fault.Heal();
        var next = await twin.RunAsync();

        Assert.Equal(ExecutionStatus.Succeeded, next.Status);
        Assert.Equal([Picked], twin.LoopKeys());
        Assert.Equal(1, await twin.SlotsTodayAsync());
    }

    [Fact]
    public async Task A_pick_whose_start_landed_but_whose_answer_was_lost_keeps_its_slot_and_the_next_run_takes_no_second()
    {
        var fault = new PortFault(typeof(IHumanReview), nameof(IHumanReview.StartAsync), FaultMode.AlwaysAfterLanding, PortFailure.Timeout);
        using var twin = await AuditTwin.StartAsync(interval: 3, fault);
        await twin.ConfidentAsync(3);

        var run = await twin.RunAsync();

        Assert.Equal((ExecutionStatus.Failed, "Port.Timeout"), (run.Status, run.Execution.Error));
        var loop = Assert.Single(twin.Loops);
        Assert.Equal(Picked, loop.Key);
        Assert.Equal(1, await twin.SlotsTodayAsync());
        var mail = Assert.Single(twin.Outbox.Published());
        Assert.Contains($"(inference #3: after the error human loop {loop.HumanLoopName} exists after all (its start landed), so its slot of 2026-03-02 stays taken)", mail.Message, StringComparison.Ordinal);

        fault.Heal();
        var next = await twin.RunAsync();

        Assert.Equal(ExecutionStatus.Succeeded, next.Status);
        Assert.Equal([Picked], twin.LoopKeys());
        Assert.Equal(1, await twin.SlotsTodayAsync());
    }

    [Fact]
    public async Task A_slot_reserved_before_midnight_goes_back_to_its_own_day_and_the_error_keeps_its_name()
    {
        using var twin = await AuditTwin.StartAsync();
        var yesterday = twin.Today.AddDays(-1);
        await twin.Inferences.TryReserveHumanLoopAsync(yesterday, 5, default);
        await twin.Inferences.TryReserveHumanLoopAsync(twin.Today, 5, default);
        var reserved = new PickOutcome(13, "images_for_detection/13.png", AuditPickStatus.ReviewWanted, "reserved", true, null, "loop-13", ["audit-sampling"], yesterday);

        var returned = await new ReturnAuditReviewSlot(twin.Ports).HandleAsync(new ReturnAuditSlotRequest(reserved, new ErrorInfo("Port.Unavailable", "A2I is down")), default);

        Assert.True(returned.Released);
        Assert.Equal((0, 1), (await twin.Inferences.HumanLoopsOnAsync(yesterday, default), await twin.SlotsTodayAsync()));
        Assert.Equal(new ErrorInfo("Port.Unavailable", "A2I is down (inference #13: after the error human loop loop-13 was not started, so its slot of 2026-03-01 was given back)"), returned.Failure);
    }
}
