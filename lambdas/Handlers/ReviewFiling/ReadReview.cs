using System.Text.Json;
using ContinuousImprovement.Core.Events;
using ContinuousImprovement.Core.Review;
using ContinuousImprovement.Core.Storage;
using ContinuousImprovement.Core.Text;
using ContinuousImprovement.Handlers.Contracts;
using ContinuousImprovement.Handlers.Invocation;
using ContinuousImprovement.Handlers.Settings;

namespace ContinuousImprovement.Handlers.ReviewFiling;

/// <summary>
/// Reads what the execution started from and judges it: an output document landing under
/// <see cref="BucketLayout.ReviewOutput"/> (A2I's or our portal's), or A2I's status change (Completed: read the
/// output it names; Failed, Stopped: tell the operator). The output is parsed, its answers consolidated with
/// the operator's reject answers, and turned into one action (<see cref="ReviewVerdicts"/>). Bad data never
/// fails the step: an unreadable output is an action for the operator, not an error.
/// </summary>
public sealed class ReadReview(Ports ports) : IHandler<ReadReviewRequest, ReviewRead>
{
    public async ValueTask<ReviewRead> HandleAsync(ReadReviewRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var settings = SettingsSnapshot.Read(ports.Catalog, request.Settings);
        var rejects = settings.Review.RejectLabels;
        var detailType = request.Event.ValueKind == JsonValueKind.Object && request.Event.TryGetProperty("detail-type", out var type)
            ? type.ToString()
            : null;

        if (detailType == HumanLoopStatusEvent.DetailType)
        {
            var parsed = HumanLoopStatusEvent.Parse(request.Event.GetRawText());
            if (!parsed.Succeeded)
            {
                return Notify(ReviewVerdicts.Unreadable("the human loop status event", parsed.Error), null, "status event");
            }

            var statusEvent = parsed.Value;
            var source = $"status event {statusEvent.Status} of {statusEvent.HumanLoopName}";
            return ReviewVerdicts.From(statusEvent) switch
            {
                ReviewVerdict.ReadOutput read => await FromOutputAsync(read.Output, rejects, cancellationToken).ConfigureAwait(false),
                ReviewVerdict.NotifyOperator notify => Notify(notify, statusEvent.HumanLoopName, source),
                var other => Ignore(Reason(other), source, statusEvent.HumanLoopName),
            };
        }

        var s3 = S3EventParser.Parse(request.Event);
        if (s3.Error is not null)
        {
            return Ignore($"not an event this workflow reads: {s3.Error}", detailType ?? "event");
        }

        if (s3.Objects is not [var created, ..])
        {
            return Ignore($"the event names no created object ({string.Join("; ", s3.Ignored.Select(i => i.Reason))})", detailType ?? "event");
        }

        var output = created.Object;
        if (!output.Key.StartsWith(BucketLayout.ReviewOutput, StringComparison.Ordinal)
            || !output.Key.EndsWith(".json", StringComparison.OrdinalIgnoreCase))
        {
            return Ignore($"{Printable.Quote(output.Uri, maxChars: 120)} is not a review output document ({BucketLayout.ReviewOutput}….json)", output.Uri);
        }

        return await FromOutputAsync(output, rejects, cancellationToken).ConfigureAwait(false);
    }

    private async Task<ReviewRead> FromOutputAsync(S3ObjectRef output, IReadOnlyList<string> rejects, CancellationToken cancellationToken)
    {
        var content = await ports.Objects.GetAsync(output.Bucket, output.Key, cancellationToken).ConfigureAwait(false);
        if (content is null)
        {
            return Notify(new ReviewVerdict.NotifyOperator($"the review output {Printable.Quote(output.Uri, maxChars: 120)} does not exist"), null, output.Uri);
        }

        var parsed = ReviewOutputParser.Parse(content.Body.Span);
        if (!parsed.Succeeded)
        {
            return Notify(ReviewVerdicts.Unreadable($"the review output {Printable.Quote(output.Uri, maxChars: 120)}", parsed.Error), null, output.Uri);
        }

        var review = ReviewConsolidation.Consolidate(parsed.Value, rejects);
        var loop = review.Review.HumanLoopName;
        var image = review.Review.TaskObject is { } task ? ImageRef.From(task) : null;
        return ReviewVerdicts.From(review) switch
        {
            ReviewVerdict.File file => new ReviewRead(ReviewActions.File, $"reviewers labeled it {string.Join(", ", file.Labels.Select(l => Printable.Quote(l)))}", loop, output.Uri, ImageRef.From(file.Image), file.Labels, string.Join(", ", file.Labels)),
            ReviewVerdict.RecordOnly record => new ReviewRead(ReviewActions.Record, record.Reason, loop, output.Uri, image, [], review.Outcome is ConsolidationOutcome.Rejected rejected ? rejected.Answer : null),
            ReviewVerdict.NotifyOperator notify => Notify(notify, loop, output.Uri) with { Image = image },
            var other => throw new InvalidOperationException($"unexpected verdict {other}"),
        };
    }

    private static ReviewRead Notify(ReviewVerdict verdict, string? loop, string source) =>
        new(ReviewActions.Notify, Reason(verdict), loop, source, null, [], null);

    private static ReviewRead Ignore(string reason, string source, string? loop = null) =>
        new(ReviewActions.Ignore, reason, loop, source, null, [], null);

    private static string Reason(ReviewVerdict verdict) => verdict switch
    {
        ReviewVerdict.NotifyOperator notify => notify.Reason,
        ReviewVerdict.RecordOnly record => record.Reason,
        var other => other.ToString(),
    };
}
