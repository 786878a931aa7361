using ContinuousImprovement.Core.Audit;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace ContinuousImprovement.Core.Tests.Audit;

public sealed class AuditSamplingPropertyTests
{
    [Property(MaxTest = 500)]
    public Property With_slots_to_spare_exactly_every_nth_confident_detection_is_picked() =>
        Prop.ForAll((from log in AuditGenerators.UniqueLog from n in AuditGenerators.Interval select (log, n)).ToArbitrary(), c =>
        {
            var plan = AuditSampling.Plan(AuditCursor.Start, c.log.Detections, c.log.End, c.n, int.MaxValue);
            var expected = c.log.Detections.Where((_, i) => (i + 1) % c.n == 0).Select(d => d.Sequence);

            return plan.Picks.Select(p => p.Detection.Sequence).SequenceEqual(expected)
                && plan.Next == new AuditCursor(c.log.End, c.log.Detections.Count % c.n)
                && !plan.Deferred;
        });

    [Property(MaxTest = 500)]
    public Property However_the_log_is_split_into_runs_the_same_detections_are_picked() =>
        Prop.ForAll((from log in AuditGenerators.UniqueLog from n in AuditGenerators.Interval from cuts in Gen.ListOf(Gen.Choose(0, 300)) select (log, n, cuts)).ToArbitrary(), c =>
        {
            var whole = AuditSampling.Plan(AuditCursor.Start, c.log.Detections, c.log.End, c.n, int.MaxValue);

            var picked = new List<long>();
            var cursor = AuditCursor.Start;
            foreach (long through in c.cuts.Select(x => (long)x).Where(x => x <= c.log.End).Order().Append(c.log.End))
            {
                if (through < cursor.LastSequence)
                {
                    continue;
                }

                var plan = AuditSampling.Plan(cursor, c.log.After(cursor.LastSequence, through), through, c.n, int.MaxValue);
                picked.AddRange(plan.Picks.Select(p => p.Detection.Sequence));
                cursor = plan.Next;
            }

            return picked.SequenceEqual(whole.Picks.Select(p => p.Detection.Sequence)) && cursor == whole.Next;
        });

    [Property(MaxTest = 500)]
    public Property Runs_limited_by_the_daily_cap_pick_what_one_unlimited_run_picks_never_twice_never_skipping() =>
        Prop.ForAll((from log in AuditGenerators.LabeledLog from n in AuditGenerators.Interval from cap in Gen.Choose(1, 3) select (log, n, cap)).ToArbitrary(), c =>
        {
            var whole = AuditSampling.Plan(AuditCursor.Start, c.log.Detections, c.log.End, c.n, int.MaxValue);

            var picked = new List<long>();
            var cursor = AuditCursor.Start;
            for (var run = 0; run < 1000; run++)
            {
                var plan = AuditSampling.Plan(cursor, c.log.After(cursor.LastSequence, c.log.End), c.log.End, c.n, c.cap);
                if (plan.Picks.Count > c.cap || (plan.Deferred && plan.Picks.Count != c.cap))
                {
                    return false.Label($"run {run} picked {plan.Picks.Count} with a cap of {c.cap}");
                }

                picked.AddRange(plan.Picks.Select(p => p.Detection.Sequence));
                cursor = plan.Next;
                if (!plan.Deferred)
                {
                    break;
                }
            }

            // Keys are deduplicated within one run only (across runs the loop name does it), so this log has unique keys.
            return (picked.Distinct().Count() == picked.Count).Label("a detection was picked twice")
                .And(cursor == whole.Next).Label($"ended at {cursor}, not {whole.Next}")
                .And(picked.SequenceEqual(whole.Picks.Select(p => p.Detection.Sequence))).Label($"picked [{string.Join(", ", picked)}], one run picks [{string.Join(", ", whole.Picks.Select(p => p.Detection.Sequence))}]");
        });

    [Property(MaxTest = 500)]
    public Property A_re_run_after_the_picks_were_sent_but_the_cursor_not_stored_sends_nothing_new_and_ends_at_the_same_cursor() =>
        Prop.ForAll((from log in AuditGenerators.AnyLog from n in AuditGenerators.Interval from cap in Gen.Choose(0, 4) select (log, n, cap)).ToArbitrary(), c =>
        {
            var first = AuditSampling.Plan(AuditCursor.Start, c.log.Detections, c.log.End, c.n, c.cap);
            var sent = first.Picks.Select(p => p.Detection.Sequence).ToHashSet();
            var marked = c.log.Detections.Select(d => sent.Contains(d.Sequence) ? d with { Audited = true } : d).ToList();

            var again = AuditSampling.Plan(AuditCursor.Start, marked, c.log.End, c.n, c.cap - first.Picks.Count);

            return (again.Picks.Count == 0).Label($"re-run picked {string.Join(", ", again.Picks.Select(p => p.Detection.Sequence))}")
                .And(again.AlreadySent.Select(d => d.Sequence).SequenceEqual(first.Picks.Select(p => p.Detection.Sequence))).Label("already-sent differs from the first picks")
                .And(again.Next == first.Next).Label($"re-run ends at {again.Next}, the first at {first.Next}");
        });

    [Property(MaxTest = 500)]
    public Property Picks_are_ordered_distinct_unlabeled_within_the_cap_and_the_cursor_only_moves_forward() =>
        Prop.ForAll((from log in AuditGenerators.AnyLog from n in AuditGenerators.Interval from cap in Gen.Choose(-2, 5) from counted in Gen.Choose(0, 50) select (log, n, cap, counted)).ToArbitrary(), c =>
        {
            var cursor = new AuditCursor(0, c.counted);
            var plan = AuditSampling.Plan(cursor, c.log.Detections, c.log.End, c.n, c.cap);
            var sequences = plan.Picks.Select(p => p.Detection.Sequence).ToList();

            return sequences.SequenceEqual(sequences.Order().Distinct())
                && plan.Picks.Select(p => p.Detection.ImageKey).Distinct().Count() == plan.Picks.Count
                && plan.Picks.All(p => !p.Detection.Labeled && !p.Detection.Audited && p.Counted >= c.n)
                && plan.Picks.Count <= Math.Max(0, c.cap)
                && plan.Next.LastSequence >= cursor.LastSequence && plan.Next.LastSequence <= c.log.End
                && plan.Picks.All(p => p.ResumeBefore.LastSequence == p.Detection.Sequence - 1 && p.ResumeBefore.Counted == p.Counted - 1);
        });
}
