using System.Globalization;
using System.Text.Json;
using ContinuousImprovement.Core.Ports;
using ContinuousImprovement.Core.Storage;
using ContinuousImprovement.Local.Adapters;

namespace ContinuousImprovement.Local.Portal;

/// <summary>
/// What happens when a reviewer answers a local human loop, whoever the reviewer is (a person in the portal, the
/// simulated workforce): the answer becomes an output document in A2I's shape, is checked as the review-filing
/// workflow will read it, completes the loop exactly once, and is written where A2I writes outputs.
/// </summary>
public sealed class LoopAnswering : IDisposable
{
    private const string TimeFormat = "yyyy-MM-dd'T'HH:mm:ss.fff'Z'";

    private readonly LocalHumanReview reviews;
    private readonly string bucket;
    private readonly string flowDefinitionName;
    private readonly OutputPublisher publisher;

    public LoopAnswering(LocalHumanReview reviews, IObjectStore objects, string bucket, string flowDefinitionName, string? flowDefinitionArn = null, Action<string>? log = null)
    {
        ArgumentNullException.ThrowIfNull(reviews);
        ArgumentNullException.ThrowIfNull(objects);
        ArgumentException.ThrowIfNullOrWhiteSpace(bucket);
        ArgumentException.ThrowIfNullOrWhiteSpace(flowDefinitionName);
        this.reviews = reviews;
        this.bucket = bucket;
        this.flowDefinitionName = flowDefinitionName;
        FlowDefinitionArn = flowDefinitionArn ?? $"arn:aws:sagemaker:local:000000000000:flow-definition/{flowDefinitionName}";
        publisher = new OutputPublisher(reviews, objects, log);
    }

    public string FlowDefinitionArn { get; }

    /// <summary>
    /// Answers <paramref name="loop"/> with <paramref name="answerContent"/> (e.g. <c>{"crowd-image-classifier":{"label":"coat"}}</c>).
    /// <paramref name="acceptedAt"/> is when the reviewer took the task, if known.
    /// </summary>
    public async Task<LoopAnswerOutcome> AnswerAsync(OpenLoop loop, JsonElement answerContent, string workerId, DateTimeOffset now, DateTimeOffset? acceptedAt, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(loop);
        var output = Output(loop, answerContent, workerId, now, acceptedAt);
        if (AnswerCheck.Problem(output, loop.Labels) is { } problem)
        {
            return new LoopAnswerOutcome(LoopAnswerStatus.Refused, problem, null);
        }

        var answer = new LoopAnswer(now, bucket, ReviewOutputKey.For(flowDefinitionName, loop.HumanLoopName, now), output);
        if (reviews.TryComplete(loop.HumanLoopName, answer) != LoopCompletion.Completed)
        {
            return new LoopAnswerOutcome(LoopAnswerStatus.NotOpen, null, null);
        }

        var outputUri = S3Uri.Format(answer.OutputBucket, answer.OutputKey);
        var (published, failure) = await publisher.PublishAsync(reviews.FindCompletedLoop(loop.HumanLoopName)!, cancellationToken).ConfigureAwait(false);
        return published
            ? new LoopAnswerOutcome(LoopAnswerStatus.Published, null, outputUri)
            : new LoopAnswerOutcome(LoopAnswerStatus.Kept, failure, outputUri);
    }

    /// <summary>Writes the outputs of answered loops that could not be written before; answers how many still wait.</summary>
    public Task<int> RetryUnpublishedAsync(CancellationToken cancellationToken) => publisher.RetryAsync(cancellationToken);

    public void Dispose() => publisher.Dispose();

    private string Output(OpenLoop loop, JsonElement answerContent, string workerId, DateTimeOffset now, DateTimeOffset? acceptedAt)
    {
        using var input = JsonDocument.Parse(loop.InputContent);
        var accepted = acceptedAt is { } shown && shown <= now ? shown : (DateTimeOffset?)null;
        var answer = new OutputAnswer(
            accepted?.UtcDateTime.ToString(TimeFormat, CultureInfo.InvariantCulture),
            answerContent,
            now.UtcDateTime.ToString(TimeFormat, CultureInfo.InvariantCulture),
            accepted is { } from ? Math.Round((now - from).TotalSeconds, 3) : 0,
            workerId);
        var document = new OutputDocument(FlowDefinitionArn, [answer], loop.HumanLoopName, input.RootElement);
        return JsonSerializer.Serialize(document, PortalJsonContext.Default.OutputDocument);
    }
}
