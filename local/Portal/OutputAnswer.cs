using System.Text.Json;

namespace ContinuousImprovement.Local.Portal;

/// <summary>
/// One entry of <c>humanAnswers</c>. Times are ISO 8601 UTC with milliseconds, as A2I writes them;
/// <paramref name="AcceptanceTime"/> is when the reviewer opened the task, absent when the portal did not see it.
/// </summary>
internal sealed record OutputAnswer(
    string? AcceptanceTime,
    JsonElement AnswerContent,
    string SubmissionTime,
    double TimeSpentInSeconds,
    string WorkerId);
