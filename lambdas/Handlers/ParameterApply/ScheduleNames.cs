namespace ContinuousImprovement.Handlers.ParameterApply;

/// <summary>The schedules operators re-time through parameters, by the catalog's <c>applies</c> key.</summary>
public static class ScheduleNames
{
    public const string Training = "training";
    public const string Audit = "audit";
    public const string Digest = "digest";

    /// <summary>The schedule a catalog <c>applies</c> key re-applies, or null when a change applies nothing at once.</summary>
    public static string? ForApplies(string applies) => applies switch
    {
        "training-schedule" => Training,
        "audit-schedule" => Audit,
        "digest-schedule" => Digest,
        _ => null,
    };
}
