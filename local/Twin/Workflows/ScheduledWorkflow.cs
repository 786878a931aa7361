namespace ContinuousImprovement.Local.Twin.Workflows;

/// <summary>What a schedule starts: a workflow with a fixed input (the schedule rule's target input on AWS).</summary>
public sealed record ScheduledWorkflow(TwinWorkflow Workflow, string Input);
