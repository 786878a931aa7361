using System.Globalization;

namespace ContinuousImprovement.Core.Audit;

/// <summary>
/// Audit sampling: on its own schedule, every N-th confident detection (one the model was sure enough about
/// that no sampling rule sent it to a human) is sent to a human as well, so the model's confident mistakes are
/// found too. The audit reads the inference log in sequence order from a stored <see cref="AuditCursor"/>, so a
/// re-run never picks a detection twice and never skips one.
/// </summary>
public static class AuditSampling
{
    /// <summary>
    /// How old a logged detection must be before the audit reads it. A detection's own review decision is written
    /// after its record, by a workflow that runs at most 5 minutes (Express); waiting three times that means the
    /// audit only ever sees final decisions, and never takes an image the detection itself is about to send.
    /// </summary>
    public static readonly TimeSpan SettleTime = TimeSpan.FromMinutes(15);

    /// <summary>Detections logged at or after this instant are left for a later run (see <see cref="SettleTime"/>).</summary>
    public static DateTimeOffset SettledBefore(DateTimeOffset now) => now - SettleTime;

    /// <summary>
    /// Which of the confident <paramref name="detections"/> after <paramref name="cursor"/> go to a human now, and
    /// where the next run resumes.
    /// </summary>
    /// <param name="cursor">The stored cursor (<see cref="AuditCursor.Start"/> when none is stored).</param>
    /// <param name="detections">
    /// The confident detections the log holds after the cursor up to <paramref name="examinedThrough"/>, in
    /// strictly increasing sequence order. Detections an earlier audit run sent are included (flagged
    /// <see cref="AuditCandidate.Audited"/>), so a re-run after a failure counts exactly as the first run did.
    /// </param>
    /// <param name="examinedThrough">The last sequence number the log read covers (every number up to it was examined).</param>
    /// <param name="interval">N, the Human-Sampling-Interval: every N-th confident detection is picked (≥ 1).</param>
    /// <param name="remainingCap">Human loops that may still be started today (Max-Human-Loops-Per-Day minus those taken); negative reads as 0.</param>
    /// <remarks>
    /// <para>The count c starts at the cursor's <see cref="AuditCursor.Counted"/>. For each detection d in order,
    /// c ← c + 1, and when c ≥ N, d is at a pick position:</para>
    /// <list type="bullet">
    /// <item>d was already sent by an earlier audit run: it is that pick (listed in <see cref="AuditPlan.AlreadySent"/>, no new loop, no slot); c ← 0.</item>
    /// <item>d already has a human label, or its image key was picked earlier in this plan: passed over, c stays, so the next eligible detection takes the pick.</item>
    /// <item>no slot remains: the plan stops, deferred; the next cursor is (d − 1, c − 1), so the next run reaches d with the same count and picks it.</item>
    /// <item>otherwise d is picked and takes a slot; c ← 0.</item>
    /// </list>
    /// <para>Without deferral the next cursor is (<paramref name="examinedThrough"/>, c): c carries over, so "every
    /// N-th" holds across runs however the log is split into windows.</para>
    /// <para>Worked example: N = 3, cursor (#10, 1 counted), confident detections #12, #13, #15, #16, #18, #19, #20,
    /// examined through #21, 5 slots left. Counts: #12 → 2, #13 → 3 picked (c = 0), #15 → 1, #16 → 2, #18 → 3
    /// picked, #19 → 1, #20 → 2; next cursor (#21, 2), so the next confident detection after #21 is the next pick.
    /// With 1 slot left, #13 is picked and #18 waits: next cursor (#17, 2), and the next run picks #18 first.</para>
    /// </remarks>
    /// <exception cref="ArgumentOutOfRangeException">An interval below 1, or a cursor with negative figures.</exception>
    /// <exception cref="ArgumentException">Detections out of order, at or before the cursor, or after <paramref name="examinedThrough"/>.</exception>
    public static AuditPlan Plan(AuditCursor cursor, IReadOnlyList<AuditCandidate> detections, long examinedThrough, int interval, int remainingCap)
    {
        ArgumentNullException.ThrowIfNull(cursor);
        ArgumentNullException.ThrowIfNull(detections);
        Validate(cursor, detections, examinedThrough, interval);

        var remaining = Math.Max(0, remainingCap);
        var picks = new List<AuditPick>();
        var alreadySent = new List<AuditCandidate>();
        var passedOver = new List<AuditCandidate>();
        var pickedKeys = new HashSet<string>(StringComparer.Ordinal);
        var counted = cursor.Counted;
        var confident = 0;
        foreach (var detection in detections)
        {
            var before = counted;
            counted = counted == int.MaxValue ? counted : counted + 1;
            if (counted < interval)
            {
                confident++;
                continue;
            }

            if (detection.Audited)
            {
                // Its key counts as picked, so a re-run passes over the same later duplicates as the first run did.
                alreadySent.Add(detection);
                pickedKeys.Add(detection.ImageKey);
                counted = 0;
            }
            else if (detection.Labeled || pickedKeys.Contains(detection.ImageKey))
            {
                passedOver.Add(detection);
            }
            else if (remaining == 0)
            {
                var next = new AuditCursor(detection.Sequence - 1, before);
                return new AuditPlan(cursor, picks, alreadySent, passedOver, next, Deferred: true, confident,
                    $"{Picked(picks.Count)}{Extras(alreadySent, passedOver)}; the daily cap of human loops is reached, so inference #{detection.Sequence} waits for the next run (resuming after #{next.LastSequence})");
            }
            else
            {
                var resume = new AuditCursor(detection.Sequence - 1, before);
                picks.Add(new AuditPick(detection, counted, resume, Reason(detection, counted, interval)));
                pickedKeys.Add(detection.ImageKey);
                remaining--;
                counted = 0;
            }

            confident++;
        }

        var end = new AuditCursor(examinedThrough, counted);
        return new AuditPlan(cursor, picks, alreadySent, passedOver, end, Deferred: false, confident,
            $"{confident} confident detection{(confident == 1 ? "" : "s")} counted, {Picked(picks.Count)}{Extras(alreadySent, passedOver)}; {Until(counted, interval)}; resuming after #{end.LastSequence}");
    }

    /// <summary>
    /// The cursor to store once the picks were tried: the plan's <paramref name="next"/> when every pick was sent
    /// (or found its loop already started), else the <see cref="AuditPick.ResumeBefore"/> of the earliest pick that
    /// got no slot (another workflow took the last ones meanwhile), so the next run picks it first. Picks after it
    /// that were sent are found by their loop names then, and not sent twice.
    /// </summary>
    /// <example>Picks #13 (sent) and #18 (no slot), next (#21, 2) → #18's resume cursor (#17, 2).</example>
    public static AuditCursor CursorAfter(AuditCursor next, IEnumerable<(AuditPick Pick, bool Sent)> tried)
    {
        ArgumentNullException.ThrowIfNull(next);
        ArgumentNullException.ThrowIfNull(tried);
        AuditPick? first = null;
        foreach (var (pick, sent) in tried)
        {
            ArgumentNullException.ThrowIfNull(pick);
            if (!sent && (first is null || pick.Detection.Sequence < first.Detection.Sequence))
            {
                first = pick;
            }
        }

        return first?.ResumeBefore ?? next;
    }

    private static void Validate(AuditCursor cursor, IReadOnlyList<AuditCandidate> detections, long examinedThrough, int interval)
    {
        if (interval < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(interval), interval, $"The audit interval (Human-Sampling-Interval) must be at least 1; got {interval}.");
        }

        if (cursor.LastSequence < 0 || cursor.Counted < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(cursor), cursor, $"The audit cursor {cursor} has a negative figure; a stored cursor is never negative.");
        }

        if (examinedThrough < cursor.LastSequence)
        {
            throw new ArgumentException($"The log was examined through #{examinedThrough}, before the cursor {cursor}: a cursor never moves back.", nameof(examinedThrough));
        }

        var previous = cursor.LastSequence;
        for (var i = 0; i < detections.Count; i++)
        {
            var detection = detections[i] ?? throw new ArgumentException($"Detection {i} is null.", nameof(detections));
            if (detection.Sequence <= previous || detection.Sequence > examinedThrough)
            {
                throw new ArgumentException(
                    $"Detection {i} is inference #{detection.Sequence}, which is not after #{previous} and at most #{examinedThrough}: detections come in increasing order after the cursor {cursor}.",
                    nameof(detections));
            }

            previous = detection.Sequence;
        }
    }

    private static string Reason(AuditCandidate detection, int counted, int interval) =>
        $"audit-sampling: inference #{detection.Sequence} is confident detection {Number(counted)} since the last audit pick (interval {Number(interval)})";

    private static string Picked(int count) => count == 1 ? "1 picked" : $"{count} picked";

    private static string Extras(List<AuditCandidate> alreadySent, List<AuditCandidate> passedOver) =>
        (alreadySent.Count == 0 ? "" : $", {alreadySent.Count} already sent by an earlier run")
        + (passedOver.Count == 0 ? "" : $", {passedOver.Count} passed over (labeled already, or the same image)");

    private static string Until(int counted, int interval) =>
        counted >= interval
            ? "the next eligible confident detection is picked"
            : $"the next pick is {Number(interval - counted)} confident detection{(interval - counted == 1 ? "" : "s")} away";

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);
}
