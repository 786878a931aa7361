using ContinuousImprovement.Core.Text;
using ContinuousImprovement.Core.Filing;

namespace ContinuousImprovement.Core.Review;

/// <summary>Maps review results to <see cref="ReviewVerdict"/>s, so the filing handler reads as one sentence per event.</summary>
public static class ReviewVerdicts
{
    /// <summary>
    /// Labeled / MultiLabeled → File (NotifyOperator when the output names no taskObject to file);
    /// Rejected, Tie, NoConsensus → RecordOnly; NoAnswer, Unlabeled → NotifyOperator.
    /// </summary>
    public static ReviewVerdict From(ConsolidatedReview review)
    {
        ArgumentNullException.ThrowIfNull(review);
        var loop = Printable.Quote(review.Review.HumanLoopName);
        var image = review.Review.TaskObject;
        var votes = string.Join(", ", review.Votes.Select(v => $"{Printable.Quote(v.Label)}: {v.Votes}"));
        return review.Outcome switch
        {
            ConsolidationOutcome.Labeled labeled when image is not null =>
                new ReviewVerdict.File([labeled.Label], image, review.Review.HumanLoopName),
            ConsolidationOutcome.MultiLabeled multi when image is not null =>
                new ReviewVerdict.File(multi.Labels, image, review.Review.HumanLoopName),
            ConsolidationOutcome.Labeled or ConsolidationOutcome.MultiLabeled =>
                new ReviewVerdict.NotifyOperator($"human loop {loop} was labeled ({votes}) but its output has no "
                    + "inputContent.taskObject, so there is no image to file"),
            ConsolidationOutcome.Rejected rejected =>
                new ReviewVerdict.RecordOnly($"human loop {loop}: reviewers answered {Printable.Quote(rejected.Answer)}, "
                    + $"a reject answer; recorded, not filed ({votes})"),
            ConsolidationOutcome.Tie tie =>
                new ReviewVerdict.RecordOnly($"human loop {loop}: reviewers tied between "
                    + $"{string.Join(", ", tie.Candidates.Select(c => Printable.Quote(c)))}; recorded, not filed ({votes})"),
            ConsolidationOutcome.NoConsensus =>
                new ReviewVerdict.RecordOnly($"human loop {loop}: no label was chosen by more than half of "
                    + $"{review.Workers} workers; recorded, not filed ({votes})"),
            ConsolidationOutcome.NoAnswer =>
                new ReviewVerdict.NotifyOperator($"human loop {loop} closed without any human answer"),
            ConsolidationOutcome.Unlabeled unlabeled =>
                new ReviewVerdict.NotifyOperator($"human loop {loop}: {unlabeled.Answers} answer(s) but none carries a "
                    + "label or labels element; check that the task template is an image classifier"),
            _ => throw new InvalidOperationException($"unhandled outcome {review.Outcome}"),
        };
    }

    /// <summary>
    /// Completed → ReadOutput (NotifyOperator when the event has no output URI); Failed, Stopped → NotifyOperator
    /// with the failure code and reason; InProgress, Stopping → RecordOnly (another event follows).
    /// </summary>
    public static ReviewVerdict From(HumanLoopStatusEvent statusEvent)
    {
        ArgumentNullException.ThrowIfNull(statusEvent);
        var loop = Printable.Quote(statusEvent.HumanLoopName);
        return statusEvent.Status switch
        {
            HumanLoopStatus.Completed when statusEvent.OutputS3Uri is { } output =>
                new ReviewVerdict.ReadOutput(output, statusEvent.HumanLoopName),
            HumanLoopStatus.Completed =>
                new ReviewVerdict.NotifyOperator($"human loop {loop} completed but the event names no output document"),
            HumanLoopStatus.Failed =>
                new ReviewVerdict.NotifyOperator($"human loop {loop} failed ({Printable.Quote(statusEvent.FailureCode)}: "
                    + $"{Printable.Quote(statusEvent.FailureReason)}); the image was not reviewed"),
            HumanLoopStatus.Stopped =>
                new ReviewVerdict.NotifyOperator($"human loop {loop} was stopped before completion; the image was not reviewed"),
            HumanLoopStatus.InProgress or HumanLoopStatus.Stopping =>
                new ReviewVerdict.RecordOnly($"human loop {loop} is {statusEvent.Status}; waiting for its final status"),
            _ => throw new InvalidOperationException($"unhandled status {statusEvent.Status}"),
        };
    }

    /// <summary>An output document or event that could not be parsed: <paramref name="error"/> says why.</summary>
    public static ReviewVerdict Unreadable(string source, string error)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(error);
        return new ReviewVerdict.NotifyOperator($"{source} could not be read: {error}");
    }
}
