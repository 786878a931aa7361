namespace ContinuousImprovement.Handlers.Training;

/// <summary>
/// What a poll saw: <see cref="Outcome"/> is <c>in-progress</c>, <c>completed</c>, <c>failed</c> or
/// <c>timed-out</c> (still training after the allowed polls), with Rekognition's status, message and F1.
/// </summary>
public sealed record TrainingPoll(string Outcome, string Status, string? StatusMessage, double? F1, int Polls)
{
    public const string InProgress = "in-progress";
    public const string Completed = "completed";
    public const string Failed = "failed";
    public const string TimedOut = "timed-out";
}
