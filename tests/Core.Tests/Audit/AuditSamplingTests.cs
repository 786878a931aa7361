using ContinuousImprovement.Core.Audit;

namespace ContinuousImprovement.Core.Tests.Audit;

public sealed class AuditSamplingTests
{
    private static AuditCandidate D(long sequence, string? key = null, bool audited = false, bool labeled = false) =>
        new(sequence, key ?? $"images_for_detection/{sequence}.png", audited, labeled);

    private static readonly AuditCandidate[] WorkedExample = [D(12), D(13), D(15), D(16), D(18), D(19), D(20)];

    [Fact]
    public void Worked_example_every_third_confident_detection_is_picked_and_the_count_carries_to_the_next_run()
    {
        var plan = AuditSampling.Plan(new AuditCursor(10, 1), WorkedExample, examinedThrough: 21, interval: 3, remainingCap: 5);

        Assert.Equal([13L, 18L], plan.Picks.Select(p => p.Detection.Sequence));
        Assert.Equal([3, 3], plan.Picks.Select(p => p.Counted));
        Assert.Equal([new AuditCursor(12, 2), new AuditCursor(17, 2)], plan.Picks.Select(p => p.ResumeBefore));
        Assert.Equal(new AuditCursor(21, 2), plan.Next);
        Assert.False(plan.Deferred);
        Assert.Equal(7, plan.Confident);
        Assert.Equal("audit-sampling: inference #13 is confident detection 3 since the last audit pick (interval 3)", plan.Picks[0].Reason);
        Assert.Equal("7 confident detections counted, 2 picked; the next pick is 1 confident detection away; resuming after #21", plan.Summary);
    }

    [Fact]
    public void Worked_example_with_one_slot_left_the_second_pick_waits_and_the_next_run_picks_it_first()
    {
        var plan = AuditSampling.Plan(new AuditCursor(10, 1), WorkedExample, examinedThrough: 21, interval: 3, remainingCap: 1);
        var rest = WorkedExample.Where(d => d.Sequence > plan.Next.LastSequence).ToList();
        var next = AuditSampling.Plan(plan.Next, rest, examinedThrough: 21, interval: 3, remainingCap: 1);

        Assert.Equal([13L], plan.Picks.Select(p => p.Detection.Sequence));
        Assert.True(plan.Deferred);
        Assert.Equal(new AuditCursor(17, 2), plan.Next);
        Assert.Equal(4, plan.Confident);
        Assert.Equal("1 picked; the daily cap of human loops is reached, so inference #18 waits for the next run (resuming after #17)", plan.Summary);
        Assert.Equal([18L], next.Picks.Select(p => p.Detection.Sequence));
        Assert.Equal(new AuditCursor(21, 2), next.Next);
    }

    [Fact]
    public void A_run_that_finds_nothing_new_keeps_its_count_and_moves_to_what_it_examined()
    {
        var plan = AuditSampling.Plan(new AuditCursor(40, 7), [], examinedThrough: 45, interval: 10, remainingCap: 3);

        Assert.Empty(plan.Picks);
        Assert.Equal(new AuditCursor(45, 7), plan.Next);
        Assert.Equal("0 confident detections counted, 0 picked; the next pick is 3 confident detections away; resuming after #45", plan.Summary);
    }

    [Fact]
    public void Interval_one_picks_every_confident_detection_while_slots_last()
    {
        var plan = AuditSampling.Plan(AuditCursor.Start, [D(1), D(2), D(3), D(4)], examinedThrough: 4, interval: 1, remainingCap: 3);

        Assert.Equal([1L, 2L, 3L], plan.Picks.Select(p => p.Detection.Sequence));
        Assert.True(plan.Deferred);
        Assert.Equal(new AuditCursor(3, 0), plan.Next);
    }

    [Fact]
    public void A_detection_an_earlier_run_already_sent_is_that_pick_again_without_a_new_loop_or_slot()
    {
        var plan = AuditSampling.Plan(AuditCursor.Start, [D(1), D(2, audited: true), D(3), D(4)], examinedThrough: 4, interval: 2, remainingCap: 0);

        Assert.Equal([2L], plan.AlreadySent.Select(d => d.Sequence));
        Assert.Empty(plan.Picks);
        Assert.True(plan.Deferred);
        Assert.Equal(new AuditCursor(3, 1), plan.Next);
    }

    [Fact]
    public void An_already_sent_detection_off_a_pick_position_is_only_counted()
    {
        var plan = AuditSampling.Plan(AuditCursor.Start, [D(1, audited: true), D(2), D(3)], examinedThrough: 3, interval: 3, remainingCap: 9);

        Assert.Empty(plan.AlreadySent);
        Assert.Equal([3L], plan.Picks.Select(p => p.Detection.Sequence));
    }

    [Fact]
    public void A_labeled_detection_at_a_pick_position_passes_the_pick_to_the_next_one_and_the_count_restarts_there()
    {
        var plan = AuditSampling.Plan(AuditCursor.Start, [D(1), D(2, labeled: true), D(3), D(4), D(5)], examinedThrough: 5, interval: 2, remainingCap: 9);

        Assert.Equal([2L], plan.PassedOver.Select(d => d.Sequence));
        Assert.Equal([3L, 5L], plan.Picks.Select(p => p.Detection.Sequence));
        Assert.Equal(3, plan.Picks[0].Counted);
        Assert.Contains("1 passed over (labeled already, or the same image)", plan.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public void One_plan_never_picks_the_same_image_key_twice()
    {
        var plan = AuditSampling.Plan(AuditCursor.Start, [D(1, "a.png"), D(2, "a.png"), D(3, "b.png")], examinedThrough: 3, interval: 1, remainingCap: 9);

        Assert.Equal(["a.png", "b.png"], plan.Picks.Select(p => p.Detection.ImageKey));
        Assert.Equal([2L], plan.PassedOver.Select(d => d.Sequence));
    }

    [Fact]
    public void A_lowered_interval_picks_the_next_detection_at_once()
    {
        var plan = AuditSampling.Plan(new AuditCursor(50, 57), [D(51), D(52)], examinedThrough: 52, interval: 10, remainingCap: 9);

        Assert.Equal([51L], plan.Picks.Select(p => p.Detection.Sequence));
        Assert.Equal(new AuditCursor(52, 1), plan.Next);
    }

    [Fact]
    public void A_count_at_its_maximum_does_not_overflow()
    {
        var plan = AuditSampling.Plan(new AuditCursor(0, int.MaxValue), [D(1)], examinedThrough: 1, interval: int.MaxValue, remainingCap: 1);

        Assert.Equal(int.MaxValue, Assert.Single(plan.Picks).Counted);
        Assert.Equal(new AuditCursor(0, int.MaxValue), plan.Picks[0].ResumeBefore);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(int.MinValue)]
    public void An_interval_below_one_is_refused_naming_the_value(int interval)
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => AuditSampling.Plan(AuditCursor.Start, [], 0, interval, 1));

        Assert.Contains($"must be at least 1; got {interval}", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Detections_at_or_before_the_cursor_are_refused_so_none_is_picked_twice()
    {
        var error = Assert.Throws<ArgumentException>(() => AuditSampling.Plan(new AuditCursor(5, 0), [D(5)], 9, 1, 1));

        Assert.Contains("Detection 0 is inference #5, which is not after #5", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Detections_out_of_order_or_past_what_was_examined_are_refused()
    {
        var unordered = Assert.Throws<ArgumentException>(() => AuditSampling.Plan(AuditCursor.Start, [D(3), D(2)], 9, 1, 1));
        var beyond = Assert.Throws<ArgumentException>(() => AuditSampling.Plan(AuditCursor.Start, [D(3)], 2, 1, 1));
        var backwards = Assert.Throws<ArgumentException>(() => AuditSampling.Plan(new AuditCursor(9, 0), [], 8, 1, 1));
        var negative = Assert.Throws<ArgumentOutOfRangeException>(() => AuditSampling.Plan(new AuditCursor(-1, 0), [], 8, 1, 1));

        Assert.Contains("Detection 1 is inference #2, which is not after #3", unordered.Message, StringComparison.Ordinal);
        Assert.Contains("at most #2", beyond.Message, StringComparison.Ordinal);
        Assert.Contains("examined through #8, before the cursor #9 (0 counted)", backwards.Message, StringComparison.Ordinal);
        Assert.Contains("#-1 (0 counted) has a negative figure", negative.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void After_the_picks_the_cursor_is_the_plans_next_when_all_were_sent()
    {
        var plan = AuditSampling.Plan(new AuditCursor(10, 1), WorkedExample, 21, 3, 5);

        Assert.Equal(plan.Next, AuditSampling.CursorAfter(plan.Next, plan.Picks.Select(p => (p, true))));
    }

    [Fact]
    public void Worked_example_a_pick_that_got_no_slot_makes_the_cursor_stop_just_before_it()
    {
        var plan = AuditSampling.Plan(new AuditCursor(10, 1), WorkedExample, 21, 3, 5);

        var cursor = AuditSampling.CursorAfter(plan.Next, [(plan.Picks[1], false), (plan.Picks[0], true)]);
        var both = AuditSampling.CursorAfter(plan.Next, [(plan.Picks[1], false), (plan.Picks[0], false)]);

        Assert.Equal(new AuditCursor(17, 2), cursor);
        Assert.Equal(new AuditCursor(12, 2), both);
    }

    [Fact]
    public void Detections_settle_fifteen_minutes_after_they_are_logged()
    {
        var now = new DateTimeOffset(2026, 3, 2, 10, 0, 0, TimeSpan.Zero);

        Assert.Equal(new DateTimeOffset(2026, 3, 2, 9, 45, 0, TimeSpan.Zero), AuditSampling.SettledBefore(now));
    }
}
