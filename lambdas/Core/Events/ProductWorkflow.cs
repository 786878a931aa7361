namespace ContinuousImprovement.Core.Events;

/// <summary>
/// The product's workflows, named in Core (which references nothing) so that rules can say what they start;
/// hosts map each to its definition file (the <c>DefinitionFile</c> constants of the workflow classes in Handlers).
/// </summary>
public enum ProductWorkflow
{
    /// <summary>statemachine/detection.asl.json: detect labels on an upload, maybe ask a human.</summary>
    Detection,

    /// <summary>statemachine/review-filing.asl.json: file a reviewed image under its label.</summary>
    ReviewFiling,

    /// <summary>statemachine/parameter-apply.asl.json: check an operator's parameter change, apply or restore it.</summary>
    ParameterApply,

    /// <summary>statemachine/training.asl.json: retrain when enough new labels arrived, gate on F1, deploy.</summary>
    Training,

    /// <summary>Audit sampling: send some confident detections to humans too (no definition file yet).</summary>
    AuditSampling,

    /// <summary>statemachine/operations-digest.asl.json: check the serving model for drift, mail the periodic digest.</summary>
    OperationsDigest,
}
