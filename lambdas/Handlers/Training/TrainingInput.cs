namespace ContinuousImprovement.Handlers.Training;

/// <summary>
/// The execution input the schedule sends: the bucket and the Rekognition project. <paramref name="Retry"/> is an
/// operator's "train this unchanged set again"; the polling figures default to <see cref="TrainingPolling"/>.
/// </summary>
public sealed record TrainingInput(string Bucket, string ProjectArn, bool Retry = false, int? PollSeconds = null, int? MaxPolls = null);
