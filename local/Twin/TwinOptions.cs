using ContinuousImprovement.Asl.Runtime;
using ContinuousImprovement.Core.Parameters;
using ContinuousImprovement.Local.Adapters;

namespace ContinuousImprovement.Local.Twin;

/// <summary>
/// How a twin is set up: the folder it keeps everything in (it resumes what is there), the bucket and project names
/// the workflows see, the clock (virtual for demos and tests, scaled or real for <c>improve up</c>), and the trainer
/// behind the local Rekognition stand-in.
/// </summary>
public sealed record TwinOptions(string Folder)
{
    public const string DefaultBucket = "continuous-improvement-twin";
    public const string DefaultProjectArn = "arn:aws:rekognition:local-1:000000000000:project/continuous-improvement/1700000000000";
    public const string DefaultFlowDefinitionName = "continuous-improvement-review";

    public string Bucket { get; init; } = DefaultBucket;

    public string ProjectArn { get; init; } = DefaultProjectArn;

    /// <summary>Names the review output folder as A2I's flow definition name does (<c>review_output/&lt;name&gt;/…</c>).</summary>
    public string FlowDefinitionName { get; init; } = DefaultFlowDefinitionName;

    public ParameterCatalog Catalog { get; init; } = ParameterCatalog.Default;

    public IClock Clock { get; init; } = SystemClock.RealTime;

    /// <summary>Trains model versions for the training workflow; null: the ML.NET pixel classifier.</summary>
    public ILocalTrainer? Trainer { get; init; }

    /// <summary>How long a version stays TRAINING_IN_PROGRESS on the twin's clock (Rekognition takes an hour or more).</summary>
    public TimeSpan TrainingTime { get; init; } = TimeSpan.FromMinutes(45);

    /// <summary>Keep each execution's full history on disk for <c>improve history</c> (off for throughput runs).</summary>
    public bool KeepHistories { get; init; } = true;

    /// <summary>How many workers deliver events and run executions until they wait.</summary>
    public int Dispatchers { get; init; } = Math.Max(1, Environment.ProcessorCount);

    /// <summary>Where the twin tells what goes wrong outside any workflow (an event it cannot deliver); default standard error.</summary>
    public Action<string>? Log { get; init; }

    /// <summary>Who the outbox's .eml files are addressed to (the SNS email subscription on AWS).</summary>
    public string NotificationEmail { get; init; } = "operator@localhost";
}
