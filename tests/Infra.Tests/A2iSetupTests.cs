namespace ContinuousImprovement.Infra.Tests;

/// <summary>The deploy-time A2I switches: each valid combination names what the stack creates; a wrong one says what to pass.</summary>
public sealed class A2iSetupTests
{
    private const string Flow = "arn:aws:sagemaker:eu-west-1:111122223333:flow-definition/reviews";
    private const string Team = "arn:aws:sagemaker:eu-west-1:111122223333:workteam/private-crowd/reviewers";

    [Theory]
    [InlineData(Flow, null, false, null, null, A2iMode.ExistingFlowDefinition)]
    [InlineData(null, Team, false, null, null, A2iMode.ExistingWorkteam)]
    [InlineData(null, null, true, null, null, A2iMode.NewWorkteamAndUserPool)]
    [InlineData(null, null, true, "eu-west-1_AbC123xyZ", "4lqk3abc2def", A2iMode.NewWorkteamInWorkforce)]
    public void Each_valid_choice_names_what_the_stack_creates(string? flow, string? team, bool create, string? pool, string? client, A2iMode mode) =>
        Assert.Equal(mode, new A2iSetup(flow, team, create, pool, client).Mode());

    [Theory]
    [InlineData(null, null, false, null, null, "Choose how reviewers are reached")]
    [InlineData(Flow, Team, false, null, null, "do not also pass workteamArn")]
    [InlineData(Flow, null, true, null, null, "do not also pass workteamArn, createWorkteam")]
    [InlineData(null, Team, true, null, null, "do not also pass createWorkteam")]
    [InlineData(null, null, false, "eu-west-1_AbC123xyZ", "4lqk3abc2def", "only go with createWorkteam=true")]
    [InlineData(null, null, true, "eu-west-1_AbC123xyZ", null, "go together")]
    [InlineData(null, null, true, "pool", "client", "workforceUserPoolId \"pool\" is not a Cognito user pool id")]
    [InlineData("arn:aws:sagemaker:eu-west-1:111122223333:workteam/private-crowd/x", null, false, null, null, "is not a flow definition ARN")]
    [InlineData(null, "reviewers", false, null, null, "workteamArn \"reviewers\" is not a private work team ARN")]
    public void A_contradicting_missing_or_malformed_choice_is_refused_with_what_to_pass(string? flow, string? team, bool create, string? pool, string? client, string message)
    {
        var refused = Assert.Throws<ArgumentException>(() => new A2iSetup(flow, team, create, pool, client).Mode());

        Assert.Contains(message, refused.Message, StringComparison.Ordinal);
    }
}
