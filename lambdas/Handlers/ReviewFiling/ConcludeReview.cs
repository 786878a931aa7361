using ContinuousImprovement.Core.Ports;
using ContinuousImprovement.Core.Text;
using ContinuousImprovement.Handlers.Contracts;
using ContinuousImprovement.Handlers.Invocation;

namespace ContinuousImprovement.Handlers.ReviewFiling;

/// <summary>
/// Records the human label in the inference log (when there is one to record and nothing was refused) and
/// writes what subscribers hear: review-completed and image-filed for a filed image, review-completed for a
/// recorded judgment, review-failed when nothing could be filed — always saying the image stayed where it was.
/// </summary>
public sealed class ConcludeReview(Ports ports) : IHandler<ConcludeRequest, ReviewFilingOutcome>
{
    public async ValueTask<ReviewFilingOutcome> HandleAsync(ConcludeRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var review = request.Progress.Review
            ?? throw new HandlerException(HandlerErrors.InvalidInput, "The conclude step needs the review the read step wrote under 'review'.");
        var filing = request.Progress.Filing;
        var loop = Printable.Quote(review.HumanLoopName ?? "(unknown loop)", maxChars: 80);
        var image = review.Image?.ToS3();
        var where = image is null
            ? "The reviewed image stays where it was; nothing was filed."
            : $"The image stays at {Printable.Quote(image.Uri, maxChars: 120)}; nothing was filed.";

        if (review.Action == ReviewActions.Notify)
        {
            return Failed(loop, review.Reason, where);
        }

        if (review.Action == ReviewActions.File)
        {
            if (filing is null)
            {
                throw new HandlerException(HandlerErrors.InvalidInput, "A review to file reached the conclude step without a filing result under 'filing'.");
            }

            if (filing.Status is FilingStatus.Refused or FilingStatus.NotFiled)
            {
                return Failed(loop, $"reviewers labeled it {string.Join(", ", review.Labels.Select(l => Printable.Quote(l)))}, but it was not filed: {filing.Summary}", where);
            }
        }

        var note = await RecordAsync(review, cancellationToken).ConfigureAwait(false);
        var name = image is null ? "an image" : Printable.Quote(image.FileName, maxChars: 120);
        if (review.Action == ReviewActions.Record)
        {
            return new ReviewFilingOutcome(
                ReviewFilingStatus.Recorded,
                $"recorded, not filed: {review.Reason}",
                new NotificationText(ReviewKinds.ReviewCompleted, $"Review recorded, not filed: {name}", $"Human loop {loop}: {Printable.Line(review.Reason)}. {where}{note}"),
                null);
        }

        if (filing!.Status == FilingStatus.AlreadyFiled)
        {
            return new ReviewFilingOutcome(ReviewFilingStatus.AlreadyFiled, $"{filing.Summary} (this review was filed before){note}", null, null);
        }

        var labels = string.Join(", ", review.Labels.Select(l => Printable.Quote(l)));
        return new ReviewFilingOutcome(
            ReviewFilingStatus.Filed,
            filing.Summary,
            new NotificationText(ReviewKinds.ReviewCompleted, $"Review completed: {name} is {labels}", $"Human loop {loop}: {Printable.Line(review.Reason)}.{note}"),
            new NotificationText(ReviewKinds.ImageFiled, $"Image filed: {name} under {labels}", $"{Printable.Line(filing.Summary)}. The original stays at {Printable.Quote(image?.Uri, maxChars: 120)}."));
    }

    /// <summary>
    /// Writes the human label to the image's newest inference record. An image never detected (reviewed from the
    /// portal by hand) has none: that is said, not failed, since the filing itself stands.
    /// </summary>
    private async Task<string> RecordAsync(ReviewRead review, CancellationToken cancellationToken)
    {
        if (review.HumanLabel is not { } label || review.Image is null)
        {
            return "";
        }

        try
        {
            await ports.Inferences.RecordHumanLabelAsync(review.Image.Key, label, cancellationToken).ConfigureAwait(false);
            return "";
        }
        catch (PortException e) when (e.Failure == PortFailure.NotFound)
        {
            return $" The label was not recorded in the inference log: {Printable.Line(e.Message)}";
        }
    }

    private static ReviewFilingOutcome Failed(string loop, string reason, string where) =>
        new(
            ReviewFilingStatus.Failed,
            $"{reason}. {where}",
            new NotificationText(ReviewKinds.ReviewFailed, $"Review failed: {loop}", $"{Printable.Line(reason)}. {where}"),
            null);
}
