namespace ContinuousImprovement.Handlers.Notifications;

/// <summary>The catalog's event kinds the handlers raise (the notify handler refuses a kind the catalog does not list).</summary>
public static class NotificationKinds
{
    public const string DetectionCompleted = "detection-completed";
    public const string ImagePending = "image-pending";
    public const string ImageQuarantined = "image-quarantined";
    public const string ReviewStarted = "review-started";
    public const string ReviewCapped = "review-capped";
    public const string WorkflowError = "workflow-error";
}
