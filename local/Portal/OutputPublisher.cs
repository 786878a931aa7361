using ContinuousImprovement.Core.Ports;
using ContinuousImprovement.Local.Adapters;

namespace ContinuousImprovement.Local.Portal;

/// <summary>
/// Writes completed loops' output documents to the bucket (create-only: an output once written is never
/// replaced) and marks them published. A write that fails leaves the loop unpublished, to be retried; the
/// answer itself is already kept with the completed loop.
/// </summary>
internal sealed class OutputPublisher(LocalHumanReview reviews, IObjectStore objects, Action<string>? log) : IDisposable
{
    private readonly SemaphoreSlim gate = new(1, 1);

    // Whether a scan of the completed loops can find anything: set at start and by a failed write, so showing the
    // list does not read every completed loop each time.
    private bool mayHaveUnpublished = true;

    /// <summary>Publishes one loop; false (with the failure logged) when the write failed.</summary>
    public async Task<(bool Published, string? Failure)> PublishAsync(CompletedLoop done, CancellationToken cancellationToken)
    {
        await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            return await PublishLockedAsync(done, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            gate.Release();
        }
    }

    /// <summary>
    /// Retries every completed loop whose output is not written yet (all of them after a start or a failed write,
    /// else none); answers how many are still waiting.
    /// </summary>
    public async Task<int> RetryAsync(CancellationToken cancellationToken)
    {
        await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (!mayHaveUnpublished)
            {
                return 0;
            }

            var waiting = 0;
            foreach (var done in reviews.UnpublishedLoops())
            {
                var (published, _) = await PublishLockedAsync(done, cancellationToken).ConfigureAwait(false);
                waiting += published ? 0 : 1;
            }

            mayHaveUnpublished = waiting > 0;
            return waiting;
        }
        finally
        {
            gate.Release();
        }
    }

    public void Dispose() => gate.Dispose();

    private async Task<(bool Published, string? Failure)> PublishLockedAsync(CompletedLoop done, CancellationToken cancellationToken)
    {
        var answer = done.Answer;
        try
        {
            // Null: the key exists already — an earlier attempt wrote it and stopped before marking it published.
            await objects.PutIfAbsentAsync(answer.OutputBucket, answer.OutputKey, System.Text.Encoding.UTF8.GetBytes(answer.Output), "application/json", null, cancellationToken).ConfigureAwait(false);
            reviews.MarkPublished(done.Loop.HumanLoopName);
            return (true, null);
        }
        catch (PortException e)
        {
            mayHaveUnpublished = true;
            var failure = $"Writing the output of human loop {done.Loop.HumanLoopName} to s3://{answer.OutputBucket}/{answer.OutputKey} failed ({e.ErrorName}): {e.Message}";
            log?.Invoke(failure + " The answer is kept; the portal retries when it starts and whenever the list is shown.");
            return (false, failure);
        }
    }
}
