using System.Text.Json;
using ContinuousImprovement.Local.Adapters;

namespace ContinuousImprovement.Local.Portal;

/// <summary>
/// Reviewers for demos and benchmarks: each open loop older than <see cref="WorkforceOptions.Delay"/> is answered
/// with its true label (what <c>truth</c> says the image shows), except that a fraction
/// <see cref="WorkforceOptions.ErrorRate"/> of answers pick another offered label, as tired people do. Answers go
/// through <see cref="LoopAnswering"/>, the portal's own path, so the review-filing workflow sees A2I's output.
/// </summary>
public sealed class SimulatedWorkforce(LoopAnswering answering, LocalHumanReview reviews, Func<OpenLoop, string?> truth, WorkforceOptions options)
{
    private readonly Random random = new(options.Seed);

    /// <summary>Answers every loop that has waited at least the delay at <paramref name="now"/>, oldest first.</summary>
    public async Task<WorkforceRound> AnswerDueAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        int answered = 0, mistaken = 0, unknown = 0;
        foreach (var loop in reviews.OpenLoops().Where(l => l.CreatedAt + options.Delay <= now))
        {
            var right = truth(loop);
            if (right is null || !loop.Labels.Contains(right, StringComparer.Ordinal))
            {
                // A reviewer cannot pick a label the task does not offer; the loop stays open, as it would on A2I.
                unknown++;
                continue;
            }

            var others = loop.Labels.Where(l => l != right).ToList();
            var mistake = others.Count > 0 && random.NextDouble() < options.ErrorRate;
            var label = mistake ? others[random.Next(others.Count)] : right;
            using var content = JsonDocument.Parse(JsonSerializer.Serialize(new ClassifierAnswer(new ClassifierLabel(label)), PortalJsonContext.Default.ClassifierAnswer));
            var outcome = await answering.AnswerAsync(loop, content.RootElement, options.WorkerId, now, loop.CreatedAt, cancellationToken).ConfigureAwait(false);
            if (outcome.Status is LoopAnswerStatus.Published or LoopAnswerStatus.Kept)
            {
                answered++;
                mistaken += mistake ? 1 : 0;
            }
        }

        return new WorkforceRound(answered, mistaken, unknown);
    }
}
