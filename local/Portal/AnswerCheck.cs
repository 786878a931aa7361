using ContinuousImprovement.Core.Review;
using ContinuousImprovement.Core.Text;

namespace ContinuousImprovement.Local.Portal;

/// <summary>
/// Whether a submitted output document is one the review-filing workflow will act on as the reviewer meant:
/// Core's parser reads it (the same code that reads A2I's), it holds one answer, and every label picked is one the
/// loop offered.
/// </summary>
internal static class AnswerCheck
{
    /// <summary>Null when the document is acceptable; otherwise the reason, for a 400 answer.</summary>
    public static string? Problem(string outputJson, IReadOnlyList<string> offered)
    {
        var parsed = ReviewOutputParser.Parse(outputJson);
        if (!parsed.Succeeded)
        {
            return $"The answer cannot be read as a review: {parsed.Error}.";
        }

        if (parsed.Value.Answers is not [var answer])
        {
            return $"An output must hold exactly one answer, found {parsed.Value.Answers.Count}.";
        }

        if (answer.Kind == AnswerKind.NoLabel || answer.Labels.Count == 0)
        {
            return "The answer picks no label; pick one of the labels offered.";
        }

        var notOffered = answer.Labels.FirstOrDefault(label => !offered.Contains(label, StringComparer.Ordinal));
        return notOffered is null
            ? null
            : $"Label {Printable.Quote(notOffered)} is not one of the labels offered: {string.Join(", ", offered.Select(l => Printable.Quote(l)))}.";
    }
}
