namespace ContinuousImprovement.Handlers.ParameterApply;

/// <summary>What the workflow does about one change (<see cref="ParameterChange.Action"/>); the definition's Choice matches these.</summary>
public static class ChangeActions
{
    /// <summary>The new value is good: remember it as last good and apply what the catalog says it applies.</summary>
    public const string Apply = "apply";

    /// <summary>The new value is bad (or the parameter was deleted): write the value in force back and tell the operator.</summary>
    public const string Restore = "restore";

    /// <summary>A name under our prefix the catalog does not know: nothing to apply or restore, but the operator hears of it.</summary>
    public const string Notify = "notify";

    /// <summary>Not ours (another prefix, the system parameter the workflows write themselves): nothing to do.</summary>
    public const string Ignore = "ignore";
}
