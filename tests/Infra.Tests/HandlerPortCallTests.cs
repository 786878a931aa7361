using System.Text.RegularExpressions;
using ContinuousImprovement.Handlers.OperationsDigest;

namespace ContinuousImprovement.Infra.Tests;

/// <summary>
/// What each handler calls through its ports (recorded by the workflow tests in <see cref="HandlerPortCalls"/>) is
/// granted to its function: every IAM action those calls need on AWS (<see cref="PortCallGrants"/>) is allowed by the
/// function's role in the synthesized stack. <see cref="PermissionTests"/> pins the roles to a hand-written table; this
/// ties that table to what the handlers actually do.
/// </summary>
public sealed class HandlerPortCallTests
{
    private static Synthesized S => SynthesizedTemplate.Full;

    public static TheoryData<string> DeployedHandlers => new(DeployedWorkflow.Handlers);

    [Fact]
    public void Every_port_method_has_a_row_of_IAM_actions_and_every_row_is_a_port_method()
    {
        var methods = PortCallGrants.PortMethods();
        var rows = PortCallGrants.Actions.Keys.Order(StringComparer.Ordinal).ToList();

        var missing = methods.Except(rows, StringComparer.Ordinal).ToList();
        var stale = rows.Except(methods, StringComparer.Ordinal).ToList();

        Assert.True(
            missing.Count == 0 && stale.Count == 0,
            $"PortCallGrants must have one row per port method of lambdas/Core/Ports. Without a row (add the IAM actions its AWS adapter needs): "
            + $"{List(missing)}. Rows that are no port method (remove or rename them): {List(stale)}.");
        Assert.Contains("ILeases.TryAcquireAsync", methods);
    }

    [Fact]
    public void Every_row_names_at_least_one_IAM_action_of_the_form_service_colon_action()
    {
        var malformed = PortCallGrants.Actions
            .Where(row => row.Value.Count == 0 || row.Value.Any(a => !Regex.IsMatch(a, "^[a-z0-9-]+:[A-Za-z0-9]+$")))
            .Select(row => $"{row.Key} → [{string.Join(", ", row.Value)}]")
            .ToList();

        Assert.True(malformed.Count == 0, $"Rows with no action or a malformed one: {List(malformed)}.");
    }

    [Fact]
    public void Every_deployed_handler_has_recorded_port_calls_and_every_entry_names_a_deployed_handler()
    {
        var deployed = DeployedWorkflow.Handlers.Order(StringComparer.Ordinal).ToList();
        var recorded = HandlerPortCalls.ByHandler.Keys.Order(StringComparer.Ordinal).ToList();

        var unrecorded = deployed.Except(recorded, StringComparer.Ordinal).ToList();
        var unknown = recorded.Except(deployed, StringComparer.Ordinal).ToList();

        Assert.True(
            unrecorded.Count == 0 && unknown.Count == 0,
            $"{HandlerPortCalls.RelativePath} must name exactly the deployed handlers. Deployed but not recorded (does a workflow test run it?): "
            + $"{List(unrecorded)}. Recorded but not deployed: {List(unknown)}.");
    }

    [Fact]
    public void Every_recorded_port_call_is_a_port_method_with_a_row_of_IAM_actions()
    {
        var unknown = HandlerPortCalls.ByHandler
            .SelectMany(entry => entry.Value.Where(call => !PortCallGrants.Actions.ContainsKey(call)).Select(call => $"{entry.Key} calls {call}"))
            .ToList();

        Assert.True(unknown.Count == 0, $"Recorded calls that are no port method of PortCallGrants (a new port method needs its row there): {List(unknown)}.");
    }

    [Theory]
    [MemberData(nameof(DeployedHandlers))]
    public void Each_handler_is_granted_every_action_its_recorded_port_calls_need(string handler)
    {
        Assert.True(HandlerPortCalls.ByHandler.TryGetValue(handler, out var calls), $"{HandlerPortCalls.RelativePath} has no entry for {handler}.");
        var granted = GrantedActions(handler);

        var gaps = calls
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)
            .SelectMany(call => PortCallGrants.Actions.TryGetValue(call, out var needed)
                ? needed.Where(action => !granted.Any(pattern => Matches(pattern, action))).Select(action => $"{call} needs {action}")
                : [$"{call} is no port method of PortCallGrants"])
            .ToList();

        Assert.True(
            gaps.Count == 0,
            $"{handler}'s function is not granted what its port calls need; add the actions to its case in infra/HandlerPermissions.cs "
            + $"(and to its row in PermissionTests):{string.Concat(gaps.Select(g => $"{Environment.NewLine}  {handler}: {g}"))}");
    }

    [Fact]
    public void A_call_whose_action_is_not_granted_is_a_gap_and_a_wildcard_grant_covers_it()
    {
        // The role of the digest-publish function may publish and nothing else: a digest read would be a gap.
        var granted = GrantedActions(OperationsDigestWorkflow.Publish);

        Assert.Contains(granted, pattern => Matches(pattern, "sns:Publish"));
        Assert.DoesNotContain(granted, pattern => Matches(pattern, "dynamodb:Query"));
        Assert.True(Matches("dynamodb:*", "dynamodb:Query"));
        Assert.True(Matches("s3:Get*Tagging", "s3:GetObjectVersionTagging"));
        Assert.True(Matches("SNS:publish", "sns:Publish"));
        Assert.False(Matches("s3:Get*", "s3:PutObject"));
    }

    // The action of every line the function's role allows (logs included: harmless, no port needs them).
    private static IReadOnlyList<string> GrantedActions(string handler)
    {
        var allowed = S.StatementsOf(handler).Where(s => s.GetProperty("Effect").GetString() == "Allow");
        return [.. PermissionText.Lines(S, allowed).Select(line => line[..line.IndexOf(' ', StringComparison.Ordinal)]).Distinct(StringComparer.Ordinal)];
    }

    // IAM compares action names without regard to case, with * and ? as wildcards.
    private static bool Matches(string pattern, string action) =>
        Regex.IsMatch(action, "^" + Regex.Escape(pattern).Replace(@"\*", ".*", StringComparison.Ordinal).Replace(@"\?", ".", StringComparison.Ordinal) + "$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);

    private static string List(List<string> items) => items.Count == 0 ? "none" : string.Join(", ", items);
}
