namespace ContinuousImprovement.Handlers.Training;

/// <summary>
/// How the workflow waits for Rekognition: one DescribeProjectVersions every <see cref="DefaultPollSeconds"/>,
/// at most <see cref="DefaultMaxPolls"/> times per wait (training, then starting). 5 minutes × 288 = 24 hours,
/// longer than Rekognition trains a Custom Labels model, and one poll costs about 10 history events, so even two
/// full waits stay under Step Functions' 25,000-event limit.
/// </summary>
public static class TrainingPolling
{
    public const int DefaultPollSeconds = 300;
    public const int DefaultMaxPolls = 288;
    public const int MaxPollSeconds = 3600;
    public const int MaxMaxPolls = 1000;

}
