namespace ContinuousImprovement.Handlers.AuditSampling;

/// <summary>The catalog's event kinds the audit-sampling workflow raises (besides workflow-error).</summary>
public static class AuditNotificationKinds
{
    public const string AuditCompleted = "audit-completed";
}
