namespace ContinuousImprovement.Handlers.Training;

/// <summary>The execution input and the execution's start (<c>$$.Execution.StartTime</c>), which names what this execution writes.</summary>
public sealed record TrainingCheckRequest(TrainingInput Input, DateTimeOffset StartedAt);
