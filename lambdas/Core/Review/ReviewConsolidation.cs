using ContinuousImprovement.Core.Filing;

namespace ContinuousImprovement.Core.Review;

/// <summary>Turns the answers of one human loop into one outcome.</summary>
public static class ReviewConsolidation
{
    /// <summary>
    /// Consolidates <paramref name="review"/>'s answers. Labels are compared as filing will file them
    /// (<see cref="LabelNormalization"/>: NFKC, trimmed), so "ｃａｔ" and "cat " are one vote for "cat" rather than a tie
    /// between two spellings of one folder; they stay case-sensitive, like the model's label set ("Cat" and "cat" are
    /// two classes), except reject answers: every spelling of one counts as the configured phrase. A label
    /// normalization refuses is counted as typed (trimmed), for filing to refuse with the reason.
    /// Empty labels are dropped; a worker's repeated label counts once. Reject answers are recognized with <see cref="RejectLabels.IsReject"/> over
    /// <paramref name="rejectLabels"/> (default <see cref="RejectLabels.Default"/>), the rule filing uses, so a
    /// fullwidth or differently cased twin of a reject answer is rejected here too and never reaches filing.
    /// </summary>
    /// <remarks>
    /// <para>No answers → <see cref="ConsolidationOutcome.NoAnswer"/>. Answers but none with a label →
    /// <see cref="ConsolidationOutcome.Unlabeled"/>.</para>
    /// <para>Single-select (every labeled answer has kind <see cref="AnswerKind.SingleLabel"/>): the label with
    /// strictly more votes than any other wins; a shared top count is a <see cref="ConsolidationOutcome.Tie"/>;
    /// a winning reject answer is <see cref="ConsolidationOutcome.Rejected"/>. Answers without a label abstain.
    /// Example: votes a, a, b → Labeled(a); a, b → Tie(a, b); None of the Above ×2, a → Rejected.</para>
    /// <para>Multi-select (any answer of kind <see cref="AnswerKind.MultiLabel"/>; single-label answers then count
    /// as one-label selections): each label chosen by more than half of all workers is kept, answers without a
    /// label counting as workers who chose nothing. If a reject answer is among those kept, the outcome is
    /// <see cref="ConsolidationOutcome.Rejected"/> (the majority said nothing applies, so nothing is filed);
    /// none kept → <see cref="ConsolidationOutcome.NoConsensus"/>. Example with 3 workers: {a,b}, {a}, {b,c} →
    /// a 2/3 and b 2/3 kept, c 1/3 dropped → MultiLabeled(a, b).</para>
    /// </remarks>
    public static ConsolidatedReview Consolidate(ReviewOutput review, IReadOnlyCollection<string>? rejectLabels = null)
    {
        ArgumentNullException.ThrowIfNull(review);
        var rejects = rejectLabels ?? RejectLabels.Default;
        var workers = review.Answers.Count;
        var multiSelect = review.Answers.Any(a => a.Kind == AnswerKind.MultiLabel);

        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        var withoutLabel = 0;
        foreach (var answer in review.Answers)
        {
            var distinct = answer.Labels.Select(l => VoteOf(l, rejects)).Where(l => l.Length > 0).Distinct(StringComparer.Ordinal).ToList();
            if (distinct.Count == 0)
            {
                withoutLabel++;
            }

            foreach (var label in distinct)
            {
                counts[label] = counts.GetValueOrDefault(label) + 1;
            }
        }

        var votes = counts
            .Select(c => new LabelVotes(c.Key, c.Value))
            .OrderByDescending(v => v.Votes)
            .ThenBy(v => v.Label, StringComparer.Ordinal)
            .ToList();

        ConsolidationOutcome outcome;
        if (workers == 0)
        {
            outcome = new ConsolidationOutcome.NoAnswer();
        }
        else if (votes.Count == 0)
        {
            outcome = new ConsolidationOutcome.Unlabeled(workers);
        }
        else if (multiSelect)
        {
            var kept = votes.Where(v => v.Votes * 2 > workers).Select(v => v.Label).ToList();
            var reject = kept.FirstOrDefault(l => RejectLabels.IsReject(l, rejects));
            outcome = reject is not null ? new ConsolidationOutcome.Rejected(reject)
                : kept.Count == 0 ? new ConsolidationOutcome.NoConsensus(votes.Select(v => v.Label).ToList())
                : new ConsolidationOutcome.MultiLabeled(kept);
        }
        else
        {
            var leaders = votes.TakeWhile(v => v.Votes == votes[0].Votes).Select(v => v.Label).ToList();
            outcome = leaders.Count > 1 ? new ConsolidationOutcome.Tie(leaders)
                : RejectLabels.IsReject(leaders[0], rejects) ? new ConsolidationOutcome.Rejected(leaders[0])
                : new ConsolidationOutcome.Labeled(leaders[0]);
        }

        return new ConsolidatedReview(review, outcome, votes, workers, withoutLabel, multiSelect);
    }

    // Every spelling of a reject answer votes for the configured phrase, however cased or typed.
    private static string VoteOf(string label, IReadOnlyCollection<string> rejects) =>
        RejectLabels.Matching(label, rejects)
        ?? (LabelNormalization.TryNormalize(label, out var normalized, out _) ? normalized : label.Trim());
}
