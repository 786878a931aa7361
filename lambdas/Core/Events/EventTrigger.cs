namespace ContinuousImprovement.Core.Events;

/// <summary>
/// An EventBridge rule of the product: its stable name, the workflow it starts, and its pattern, as JSON text for the
/// stack to deploy (<see cref="PatternJson"/>) and compiled for the twin to route with (<see cref="Pattern"/>).
/// </summary>
public sealed record EventTrigger(string RuleName, ProductWorkflow Workflow, string Description, EventPattern Pattern)
{
    /// <summary>The pattern exactly as the rule deploys it.</summary>
    public string PatternJson => Pattern.Json;
}
