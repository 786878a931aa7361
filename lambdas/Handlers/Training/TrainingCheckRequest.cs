namespace ContinuousImprovement.Handlers.Training;

/// <summary>
/// The execution input, the execution's start (<c>$$.Execution.StartTime</c>), which names what this execution writes,
/// and its id (<c>$$.Execution.Id</c>), under which it claims the training.
/// </summary>
public sealed record TrainingCheckRequest(TrainingInput Input, DateTimeOffset StartedAt, string Execution);
