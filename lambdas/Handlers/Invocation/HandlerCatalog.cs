using ContinuousImprovement.Handlers.AuditSampling;
using ContinuousImprovement.Handlers.Detection;
using ContinuousImprovement.Handlers.Notifications;
using ContinuousImprovement.Handlers.OperationsDigest;
using ContinuousImprovement.Handlers.ParameterApply;
using ContinuousImprovement.Handlers.ReviewFiling;
using ContinuousImprovement.Handlers.Training;

namespace ContinuousImprovement.Handlers.Invocation;

/// <summary>
/// Every handler by the name hosts know it by (the Lambda host's <c>_HANDLER</c>, the twin's function names),
/// bound to the given ports. The Lambda host serves the one its function is named for; the twin registers all.
/// </summary>
public sealed class HandlerCatalog
{
    private readonly Dictionary<string, HandlerEntry> entries;

    public HandlerCatalog(Ports ports)
    {
        ArgumentNullException.ThrowIfNull(ports);
        HandlerEntry[] all =
        [
            HandlerEntry.For(DetectionWorkflow.ReadUpload, new ReadUpload(ports), DetectionJsonContext.Default.JsonElement, DetectionJsonContext.Default.UploadRead),
            HandlerEntry.For(DetectionWorkflow.LoadSettings, new LoadSettings(ports), DetectionJsonContext.Default.LoadSettingsRequest, DetectionJsonContext.Default.SettingsLoaded),
            HandlerEntry.For(DetectionWorkflow.MarkPending, new MarkImagePending(ports), DetectionJsonContext.Default.ImageRequest, DetectionJsonContext.Default.DetectionOutcome),
            HandlerEntry.For(DetectionWorkflow.DetectLabels, new DetectLabels(ports), DetectionJsonContext.Default.DetectLabelsRequest, DetectionJsonContext.Default.PredictionResult),
            HandlerEntry.For(DetectionWorkflow.Quarantine, new QuarantineImage(ports), DetectionJsonContext.Default.QuarantineRequest, DetectionJsonContext.Default.DetectionOutcome),
            HandlerEntry.For(DetectionWorkflow.LogInference, new LogInference(ports), DetectionJsonContext.Default.LogInferenceRequest, DetectionJsonContext.Default.InferenceLogged),
            HandlerEntry.For(DetectionWorkflow.DecideReview, new DecideReview(ports), DetectionJsonContext.Default.DecideReviewRequest, DetectionJsonContext.Default.DetectionOutcome),
            HandlerEntry.For(DetectionWorkflow.StartReview, new StartReview(ports), DetectionJsonContext.Default.StartReviewRequest, DetectionJsonContext.Default.DetectionOutcome),
            HandlerEntry.For(DetectionWorkflow.ReturnReviewSlot, new ReturnReviewSlot(ports), DetectionJsonContext.Default.ReturnReviewSlotRequest, DetectionJsonContext.Default.ReviewSlotReturned),
            HandlerEntry.For(DetectionWorkflow.DescribeFailure, new DescribeDetectionFailure(), DetectionJsonContext.Default.DescribeFailureRequest, DetectionJsonContext.Default.FailureReport),
            HandlerEntry.For(Notify.Name, new Notify(ports), NotifyJsonContext.Default.NotifyRequest, NotifyJsonContext.Default.NotifyResult),
            HandlerEntry.For(ReviewFilingWorkflow.ReadReview, new ReadReview(ports), ReviewFilingJsonContext.Default.ReadReviewRequest, ReviewFilingJsonContext.Default.ReviewRead),
            HandlerEntry.For(ReviewFilingWorkflow.FileImage, new FileImage(ports), ReviewFilingJsonContext.Default.FileImageRequest, ReviewFilingJsonContext.Default.FilingResult),
            HandlerEntry.For(ReviewFilingWorkflow.Conclude, new ConcludeReview(ports), ReviewFilingJsonContext.Default.ConcludeRequest, ReviewFilingJsonContext.Default.ReviewFilingOutcome),
            HandlerEntry.For(ReviewFilingWorkflow.DescribeFailure, new DescribeReviewFilingFailure(), ReviewFilingJsonContext.Default.DescribeReviewFilingFailureRequest, ReviewFilingJsonContext.Default.FailureReport),
            HandlerEntry.For(ParameterApplyWorkflow.CheckChange, new CheckChange(ports), ParameterApplyJsonContext.Default.CheckChangeRequest, ParameterApplyJsonContext.Default.ParameterChange),
            HandlerEntry.For(ParameterApplyWorkflow.Restore, new RestoreParameter(ports), ParameterApplyJsonContext.Default.ChangeRequest, ParameterApplyJsonContext.Default.ParameterOutcome),
            HandlerEntry.For(ParameterApplyWorkflow.RememberLastGood, new RememberLastGood(ports), ParameterApplyJsonContext.Default.ChangeRequest, ParameterApplyJsonContext.Default.LastGoodRemembered),
            HandlerEntry.For(ParameterApplyWorkflow.Apply, new ApplyParameter(ports), ParameterApplyJsonContext.Default.ChangeRequest, ParameterApplyJsonContext.Default.ParameterOutcome),
            HandlerEntry.For(ParameterApplyWorkflow.DescribeFailure, new DescribeParameterFailure(), ParameterApplyJsonContext.Default.DescribeParameterFailureRequest, ParameterApplyJsonContext.Default.FailureReport),
            HandlerEntry.For(TrainingWorkflow.Check, new CheckTraining(ports), TrainingHandlersJsonContext.Default.TrainingCheckRequest, TrainingHandlersJsonContext.Default.TrainingCheck),
            HandlerEntry.For(TrainingWorkflow.CreateVersion, new CreateTrainingVersion(ports), TrainingHandlersJsonContext.Default.CreateVersionRequest, TrainingHandlersJsonContext.Default.CandidateCreated),
            HandlerEntry.For(TrainingWorkflow.RecordCandidate, new RecordCandidate(ports), TrainingHandlersJsonContext.Default.CandidateRequest, TrainingHandlersJsonContext.Default.TrainingOutcome),
            HandlerEntry.For(TrainingWorkflow.DescribeTraining, new DescribeTrainingVersion(ports), TrainingHandlersJsonContext.Default.DescribeVersionRequest, TrainingHandlersJsonContext.Default.TrainingPoll),
            HandlerEntry.For(TrainingWorkflow.RecordFailure, new RecordTrainingFailure(ports), TrainingHandlersJsonContext.Default.TrainingEndRequest, TrainingHandlersJsonContext.Default.TrainingOutcome),
            HandlerEntry.For(TrainingWorkflow.ScoreServing, new ScoreServingModel(ports), TrainingHandlersJsonContext.Default.ScoreServingRequest, TrainingHandlersJsonContext.Default.ServingRescore),
            HandlerEntry.For(TrainingWorkflow.Gate, new GateCandidate(ports), TrainingHandlersJsonContext.Default.GateRequest, TrainingHandlersJsonContext.Default.GateResult),
            HandlerEntry.For(TrainingWorkflow.DeployStep, new RunDeploymentStep(ports), TrainingHandlersJsonContext.Default.DeployStepRequest, TrainingHandlersJsonContext.Default.DeployProgress),
            HandlerEntry.For(TrainingWorkflow.FinishDeployment, new FinishDeployment(ports), TrainingHandlersJsonContext.Default.FinishDeploymentRequest, TrainingHandlersJsonContext.Default.TrainingOutcome),
            HandlerEntry.For(TrainingWorkflow.ReleaseCandidate, new ReleaseCandidate(ports), TrainingHandlersJsonContext.Default.ReleaseCandidateRequest, TrainingHandlersJsonContext.Default.CandidateReleased),
            HandlerEntry.For(TrainingWorkflow.DescribeFailure, new DescribeTrainingFailure(), TrainingHandlersJsonContext.Default.DescribeTrainingFailureRequest, TrainingHandlersJsonContext.Default.TrainingFailureReport),
            HandlerEntry.For(AuditSamplingWorkflow.LoadSettings, new LoadAuditSettings(ports), AuditSamplingJsonContext.Default.LoadAuditSettingsRequest, AuditSamplingJsonContext.Default.AuditSettingsLoaded),
            HandlerEntry.For(AuditSamplingWorkflow.Plan, new PlanAudit(ports), AuditSamplingJsonContext.Default.PlanAuditRequest, AuditSamplingJsonContext.Default.AuditPlanned),
            HandlerEntry.For(AuditSamplingWorkflow.Reserve, new ReserveAuditReview(ports), AuditSamplingJsonContext.Default.PickRequest, AuditSamplingJsonContext.Default.PickOutcome),
            HandlerEntry.For(AuditSamplingWorkflow.StartReview, new StartAuditReview(ports), AuditSamplingJsonContext.Default.StartAuditReviewRequest, AuditSamplingJsonContext.Default.PickOutcome),
            HandlerEntry.For(AuditSamplingWorkflow.ReturnReviewSlot, new ReturnAuditReviewSlot(ports), AuditSamplingJsonContext.Default.ReturnAuditSlotRequest, AuditSamplingJsonContext.Default.AuditSlotReturned),
            HandlerEntry.For(AuditSamplingWorkflow.FinishRound, new FinishAuditRound(ports), AuditSamplingJsonContext.Default.FinishRoundRequest, AuditSamplingJsonContext.Default.AuditTotals),
            HandlerEntry.For(AuditSamplingWorkflow.DescribeFailure, new DescribeAuditFailure(), AuditSamplingJsonContext.Default.DescribeAuditFailureRequest, AuditSamplingJsonContext.Default.AuditFailureReport),
            HandlerEntry.For(OperationsDigestWorkflow.LoadSettings, new LoadOperationsSettings(ports), OperationsDigestJsonContext.Default.LoadOperationsSettingsRequest, OperationsDigestJsonContext.Default.OperationsSettingsLoaded),
            HandlerEntry.For(OperationsDigestWorkflow.CheckDrift, new CheckDrift(ports), OperationsDigestJsonContext.Default.CheckDriftRequest, OperationsDigestJsonContext.Default.DriftChecked),
            HandlerEntry.For(OperationsDigestWorkflow.RecordDrift, new RecordDrift(ports), OperationsDigestJsonContext.Default.RecordDriftRequest, OperationsDigestJsonContext.Default.DriftRecorded),
            HandlerEntry.For(OperationsDigestWorkflow.Claim, new ClaimDigest(ports), OperationsDigestJsonContext.Default.ClaimDigestRequest, OperationsDigestJsonContext.Default.DigestClaimed),
            HandlerEntry.For(OperationsDigestWorkflow.Publish, new PublishDigest(ports), OperationsDigestJsonContext.Default.PublishDigestRequest, OperationsDigestJsonContext.Default.DigestPublished),
            HandlerEntry.For(OperationsDigestWorkflow.MarkSent, new MarkDigestSent(ports), OperationsDigestJsonContext.Default.MarkSentRequest, OperationsDigestJsonContext.Default.DigestMarked),
            HandlerEntry.For(OperationsDigestWorkflow.DescribeFailure, new DescribeOperationsFailure(), OperationsDigestJsonContext.Default.DescribeOperationsFailureRequest, OperationsDigestJsonContext.Default.OperationsFailureReport),
        ];
        entries = all.ToDictionary(e => e.Name, StringComparer.Ordinal);
    }

    /// <summary>The handler names, sorted.</summary>
    public IReadOnlyList<string> Names => [.. entries.Keys.Order(StringComparer.Ordinal)];

    public IEnumerable<HandlerEntry> Entries => entries.Values;

    public HandlerEntry this[string name] =>
        entries.TryGetValue(name, out var entry)
            ? entry
            : throw new KeyNotFoundException($"No handler is named '{name}'; known: {string.Join(", ", Names)}.");

    public bool TryGet(string name, out HandlerEntry entry) => entries.TryGetValue(name, out entry!);
}
