using System.Text.RegularExpressions;
using ContinuousImprovement.Core.Text;

namespace ContinuousImprovement.Infra;

/// <summary>
/// The deploy-time choice of how reviewers are reached (CDK context): <c>flowDefinitionArn</c> (use the account's
/// flow definition as it is), <c>workteamArn</c> (create the task UI and flow definition for an existing private work
/// team), or <c>createWorkteam=true</c> (create the work team too; with <c>workforceUserPoolId</c> and
/// <c>workforceClientId</c> in the account's existing Cognito workforce, otherwise with a new user pool).
/// </summary>
public sealed partial record A2iSetup(string? FlowDefinitionArn, string? WorkteamArn, bool CreateWorkteam, string? WorkforceUserPoolId = null, string? WorkforceClientId = null)
{
    /// <summary>What the stack creates for this choice.</summary>
    /// <exception cref="ArgumentException">The switches contradict each other, none is given, or an ARN is not one.</exception>
    public A2iMode Mode()
    {
        {
            var poolGiven = WorkforceUserPoolId is not null || WorkforceClientId is not null;
            if (FlowDefinitionArn is not null)
            {
                Refuse(WorkteamArn is not null || CreateWorkteam || poolGiven, "flowDefinitionArn uses an existing flow definition with its own work team; do not also pass workteamArn, createWorkteam or workforceUserPoolId/workforceClientId.");
                Refuse(!FlowDefinitionPattern().IsMatch(FlowDefinitionArn), $"flowDefinitionArn {Printable.Quote(FlowDefinitionArn)} is not a flow definition ARN (arn:aws:sagemaker:<region>:<account>:flow-definition/<name>).");
                return A2iMode.ExistingFlowDefinition;
            }

            if (WorkteamArn is not null)
            {
                Refuse(CreateWorkteam || poolGiven, "workteamArn uses an existing work team; do not also pass createWorkteam or workforceUserPoolId/workforceClientId.");
                Refuse(!WorkteamPattern().IsMatch(WorkteamArn), $"workteamArn {Printable.Quote(WorkteamArn)} is not a private work team ARN (arn:aws:sagemaker:<region>:<account>:workteam/private-crowd/<name>).");
                return A2iMode.ExistingWorkteam;
            }

            Refuse(!CreateWorkteam && poolGiven, "workforceUserPoolId and workforceClientId only go with createWorkteam=true.");
            Refuse(!CreateWorkteam, "Choose how reviewers are reached: -c createWorkteam=true (a new private work team, with a new Cognito user pool unless "
                + "-c workforceUserPoolId=<id> -c workforceClientId=<id> name the account's workforce), -c workteamArn=<private work team ARN>, "
                + "or -c flowDefinitionArn=<A2I flow definition ARN>.");
            if (!poolGiven)
            {
                return A2iMode.NewWorkteamAndUserPool;
            }

            Refuse(WorkforceUserPoolId is null || WorkforceClientId is null, "workforceUserPoolId and workforceClientId go together: the user pool of the account's workforce and its app client.");
            Refuse(!UserPoolPattern().IsMatch(WorkforceUserPoolId!), $"workforceUserPoolId {Printable.Quote(WorkforceUserPoolId)} is not a Cognito user pool id (<region>_<id>).");
            return A2iMode.NewWorkteamInWorkforce;
        }
    }

    private static void Refuse(bool condition, string message)
    {
        if (condition)
        {
            throw new ArgumentException(message);
        }
    }

    [GeneratedRegex(@"^arn:aws[a-z\-]*:sagemaker:[a-z0-9\-]+:[0-9]{12}:flow-definition/[a-z0-9](-*[a-z0-9]){0,62}$")]
    private static partial Regex FlowDefinitionPattern();

    [GeneratedRegex(@"^arn:aws[a-z\-]*:sagemaker:[a-z0-9\-]+:[0-9]{12}:workteam/private-crowd/[a-zA-Z0-9](-*[a-zA-Z0-9]){0,62}$")]
    private static partial Regex WorkteamPattern();

    [GeneratedRegex(@"^[a-z]{2}(-[a-z]+)+-[0-9]_[0-9a-zA-Z]+$")]
    private static partial Regex UserPoolPattern();
}
