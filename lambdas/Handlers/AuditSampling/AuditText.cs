using System.Globalization;
using ContinuousImprovement.Core.Audit;
using ContinuousImprovement.Core.Text;
using ContinuousImprovement.Handlers.Contracts;

namespace ContinuousImprovement.Handlers.AuditSampling;

/// <summary>The audit's figures in words, for its summary and notifications.</summary>
internal static class AuditText
{
    public static string Count(int count, string one, string many) =>
        $"{count.ToString(CultureInfo.InvariantCulture)} {(count == 1 ? one : many)}";

    /// <summary>"1st", "2nd", "3rd", "11th", "22nd", "100th".</summary>
    public static string Ordinal(int n)
    {
        var suffix = (n % 100) is 11 or 12 or 13 ? "th" : (n % 10) switch { 1 => "st", 2 => "nd", 3 => "rd", _ => "th" };
        return n.ToString(CultureInfo.InvariantCulture) + suffix;
    }

    public static string Cursor(AuditCursor? cursor) =>
        cursor is null ? "the start of the log" : $"inference #{cursor.LastSequence.ToString(CultureInfo.InvariantCulture)}";

    public static string Summary(AuditTotals totals) =>
        $"{Count(totals.Rounds, "round", "rounds")}: {Count(totals.Confident, "confident detection", "confident detections")} counted, "
        + $"{totals.Started} started, {totals.AlreadyInReview + totals.AlreadySent} already in review, {totals.Gone} gone, {totals.Capped} without a slot"
        + $"{(totals.Deferred ? " (daily cap reached)" : "")}; resuming after {Cursor(totals.Cursor)}";

    /// <summary>The audit-completed notification after the last round, or null when the run found nothing to say.</summary>
    public static NotificationText? Notification(AuditTotals totals, int interval)
    {
        var inReview = totals.AlreadyInReview + totals.AlreadySent;
        if (totals.Confident == 0 && totals.Started == 0 && inReview == 0 && totals.Gone == 0 && !totals.Deferred && !totals.CursorTaken)
        {
            return null;
        }

        var subject = totals.Started > 0 ? $"Audit sampling: {Count(totals.Started, "confident detection", "confident detections")} sent to review"
            : totals.Deferred ? "Audit sampling: waiting for the daily cap"
            : "Audit sampling: no detection due";
        var lines = new List<string>
        {
            $"Counted {Count(totals.Confident, "confident detection", "confident detections")} in {Count(totals.Rounds, "round", "rounds")}; every {Ordinal(interval)} goes to a human. "
            + $"The audit resumes after {Cursor(totals.Cursor)}{(totals.Cursor is { } c ? $" ({Count(c.Counted, "detection", "detections")} counted toward the next pick)" : "")}.",
        };
        if (totals.StartedLoops.Count > 0)
        {
            var more = totals.Started - totals.StartedLoops.Count;
            lines.Add($"Human loops started: {string.Join(", ", totals.StartedLoops)}{(more > 0 ? $" and {more} more" : "")}.");
        }

        if (inReview > 0)
        {
            lines.Add($"{Count(inReview, "pick was", "picks were")} already in review (started by an earlier run, or the upload's own loop): none was started twice.");
        }

        if (totals.Gone > 0)
        {
            lines.Add($"{Count(totals.Gone, "picked image is", "picked images are")} no longer in the bucket.");
        }

        if (totals.PassedOver > 0)
        {
            lines.Add($"{Count(totals.PassedOver, "detection at a pick position was", "detections at a pick position were")} passed over (labeled already, or the same image), so the next one was picked.");
        }

        if (totals.Deferred)
        {
            lines.Add("The daily cap of human loops (Max-Human-Loops-Per-Day) is reached: the next pick waits for the next run.");
        }

        if (totals.CursorTaken)
        {
            lines.Add("Another audit run moved the cursor meanwhile; its position stands.");
        }

        return new NotificationText(AuditNotificationKinds.AuditCompleted, subject, string.Join("\n", lines));
    }

    public static string Loop(PickOutcome outcome) =>
        $"{outcome.HumanLoopName} ({Printable.Quote(outcome.ImageKey, maxChars: 120)})";
}
