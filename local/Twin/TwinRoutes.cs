using ContinuousImprovement.Core.Events;
using ContinuousImprovement.Core.Parameters;
using ContinuousImprovement.Local.Twin.Workflows;

namespace ContinuousImprovement.Local.Twin;

/// <summary>Which workflows an event starts: the very rules CDK deploys (<see cref="WorkflowTriggers"/>), evaluated on the twin's events.</summary>
internal sealed class TwinRoutes(string bucket, ParameterCatalog catalog)
{
    private readonly WorkflowTriggers triggers = WorkflowTriggers.For(bucket, catalog.Prefix);

    public IReadOnlyList<TwinWorkflow> Match(string eventJson) =>
        [.. triggers.Route(eventJson).Select(trigger => TwinWorkflow.For(trigger.Workflow)).Distinct()];
}
