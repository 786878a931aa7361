using Amazon.CDK.AWS.StepFunctions;
using ContinuousImprovement.Core.Events;
using ContinuousImprovement.Handlers.AuditSampling;
using ContinuousImprovement.Handlers.Detection;
using ContinuousImprovement.Handlers.OperationsDigest;
using ContinuousImprovement.Handlers.ParameterApply;
using ContinuousImprovement.Handlers.ReviewFiling;
using ContinuousImprovement.Handlers.Training;

namespace ContinuousImprovement.Infra;

/// <summary>
/// A workflow as the stack deploys it: its definition file and functions (placeholder → handler name) exactly as its
/// workflow class in Handlers lists them, and the kind of state machine it runs on.
/// </summary>
public sealed record DeployedWorkflow(ProductWorkflow Workflow, string Id, string DefinitionFile, IReadOnlyDictionary<string, string> Functions, StateMachineType Type)
{
    /// <summary>
    /// Every workflow of the product. Detection runs per upload and finishes in seconds, so it is Express (cheap at
    /// volume, logged to CloudWatch since Express keeps no history); the others wait on people, training or schedules
    /// and keep Standard's execution history.
    /// </summary>
    public static IReadOnlyList<DeployedWorkflow> All { get; } =
    [
        new(ProductWorkflow.Detection, "Detection", DetectionWorkflow.DefinitionFile, DetectionWorkflow.Functions, StateMachineType.EXPRESS),
        new(ProductWorkflow.ReviewFiling, "ReviewFiling", ReviewFilingWorkflow.DefinitionFile, ReviewFilingWorkflow.Functions, StateMachineType.STANDARD),
        new(ProductWorkflow.ParameterApply, "ParameterApply", ParameterApplyWorkflow.DefinitionFile, ParameterApplyWorkflow.Functions, StateMachineType.STANDARD),
        new(ProductWorkflow.Training, "Training", TrainingWorkflow.DefinitionFile, TrainingWorkflow.Functions, StateMachineType.STANDARD),
        new(ProductWorkflow.AuditSampling, "AuditSampling", AuditSamplingWorkflow.DefinitionFile, AuditSamplingWorkflow.Functions, StateMachineType.STANDARD),
        new(ProductWorkflow.OperationsDigest, "OperationsDigest", OperationsDigestWorkflow.DefinitionFile, OperationsDigestWorkflow.Functions, StateMachineType.STANDARD),
    ];

    /// <summary>Every handler a workflow calls, each once (shared ones such as notify appear in several workflows).</summary>
    public static IReadOnlyList<string> Handlers { get; } = [.. All.SelectMany(w => w.Functions.Values).Distinct(StringComparer.Ordinal)];

    /// <summary>The deployed workflow of a product workflow.</summary>
    public static DeployedWorkflow Of(ProductWorkflow workflow) => All.Single(w => w.Workflow == workflow);
}
