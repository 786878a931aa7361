using ContinuousImprovement.Core.Events;
using ContinuousImprovement.Handlers.AuditSampling;
using ContinuousImprovement.Handlers.Detection;
using ContinuousImprovement.Handlers.OperationsDigest;
using ContinuousImprovement.Handlers.ParameterApply;
using ContinuousImprovement.Handlers.ReviewFiling;
using ContinuousImprovement.Handlers.Training;

namespace ContinuousImprovement.Local.Twin.Workflows;

/// <summary>
/// A workflow the twin runs: its short name (what the CLI shows), the ASL file CDK also deploys, and the map of
/// that file's <c>${…FunctionArn}</c> placeholders to catalog handlers.
/// </summary>
public sealed record TwinWorkflow(string Name, string DefinitionFile, IReadOnlyDictionary<string, string> Functions)
{
    public static TwinWorkflow Detection { get; } = new("detection", DetectionWorkflow.DefinitionFile, DetectionWorkflow.Functions);

    public static TwinWorkflow ReviewFiling { get; } = new("review-filing", ReviewFilingWorkflow.DefinitionFile, ReviewFilingWorkflow.Functions);

    public static TwinWorkflow ParameterApply { get; } = new("parameter-apply", ParameterApplyWorkflow.DefinitionFile, ParameterApplyWorkflow.Functions);

    public static TwinWorkflow Training { get; } = new("training", TrainingWorkflow.DefinitionFile, TrainingWorkflow.Functions);

    public static TwinWorkflow AuditSampling { get; } = new("audit-sampling", AuditSamplingWorkflow.DefinitionFile, AuditSamplingWorkflow.Functions);

    public static TwinWorkflow OperationsDigest { get; } = new("operations-digest", OperationsDigestWorkflow.DefinitionFile, OperationsDigestWorkflow.Functions);

    public static IReadOnlyList<TwinWorkflow> All { get; } = [Detection, ReviewFiling, ParameterApply, Training, AuditSampling, OperationsDigest];

    /// <summary>The twin's workflow for a product workflow a trigger names.</summary>
    public static TwinWorkflow For(ProductWorkflow workflow) => workflow switch
    {
        ProductWorkflow.Detection => Detection,
        ProductWorkflow.ReviewFiling => ReviewFiling,
        ProductWorkflow.ParameterApply => ParameterApply,
        ProductWorkflow.Training => Training,
        ProductWorkflow.AuditSampling => AuditSampling,
        ProductWorkflow.OperationsDigest => OperationsDigest,
        _ => throw new ArgumentOutOfRangeException(nameof(workflow), workflow, "The twin does not run this workflow yet."),
    };
}
