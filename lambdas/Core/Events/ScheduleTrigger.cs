namespace ContinuousImprovement.Core.Events;

/// <summary>
/// A workflow started on a schedule rather than by an event. <paramref name="ScheduleName"/> is the stable name the
/// schedule port knows it by (<c>ISchedules</c>; on AWS the rule is the deployment's rule prefix plus this name), and
/// <paramref name="Parameters"/> are the operator parameters that switch and re-time it.
/// </summary>
public sealed record ScheduleTrigger(string ScheduleName, ProductWorkflow Workflow, string Description, IReadOnlyList<string> Parameters);
