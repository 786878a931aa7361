namespace ContinuousImprovement.Infra;

/// <summary>How the stack reaches human reviewers through Amazon A2I.</summary>
public enum A2iMode
{
    /// <summary>The account's own flow definition: the stack creates no A2I resource and only uses its ARN.</summary>
    ExistingFlowDefinition,

    /// <summary>An existing private work team: the stack creates the human task UI, the flow definition and A2I's role.</summary>
    ExistingWorkteam,

    /// <summary>A new private work team in the account's existing Cognito workforce (a new group in its user pool).</summary>
    NewWorkteamInWorkforce,

    /// <summary>A new private work team with a new Cognito user pool, app client and domain: the region has no workforce yet.</summary>
    NewWorkteamAndUserPool,
}
