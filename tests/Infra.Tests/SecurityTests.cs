using System.Text.Json;

namespace ContinuousImprovement.Infra.Tests;

/// <summary>Least privilege and hygiene, checked on the synthesized template.</summary>
public sealed class SecurityTests
{
    /// <summary>Actions AWS only grants on "*", each with its reason.</summary>
    private static readonly Dictionary<string, string> WildcardResourceAllowed = new(StringComparer.Ordinal)
    {
        ["xray:PutTraceSegments"] = "X-Ray has no resource-level permissions (state machine tracing).",
        ["xray:PutTelemetryRecords"] = "X-Ray has no resource-level permissions.",
        ["xray:GetSamplingRules"] = "X-Ray has no resource-level permissions.",
        ["xray:GetSamplingTargets"] = "X-Ray has no resource-level permissions.",
        ["logs:CreateLogDelivery"] = "CloudWatch Logs delivery for Step Functions requires '*'.",
        ["logs:GetLogDelivery"] = "CloudWatch Logs delivery for Step Functions requires '*'.",
        ["logs:UpdateLogDelivery"] = "CloudWatch Logs delivery for Step Functions requires '*'.",
        ["logs:DeleteLogDelivery"] = "CloudWatch Logs delivery for Step Functions requires '*'.",
        ["logs:ListLogDeliveries"] = "CloudWatch Logs delivery for Step Functions requires '*'.",
        ["logs:PutResourcePolicy"] = "CloudWatch Logs resource policies are account-wide.",
        ["logs:DescribeResourcePolicies"] = "CloudWatch Logs resource policies are account-wide.",
        ["logs:DescribeLogGroups"] = "Listing log groups has no resource-level permission.",
        ["s3:PutBucketNotification"] = "CDK's bucket-notification custom resource (turns on EventBridge delivery) is granted on '*' by CDK itself.",
    };

    private static IEnumerable<(string Policy, JsonElement Statement)> Statements() =>
        SynthesizedTemplate.Resources("AWS::IAM::Policy")
            .SelectMany(p => p.Resource.GetProperty("Properties").GetProperty("PolicyDocument").GetProperty("Statement").EnumerateArray().Select(s => (p.LogicalId, s)));

    private static IEnumerable<string> Strings(JsonElement element) =>
        element.ValueKind == JsonValueKind.Array ? element.EnumerateArray().Where(e => e.ValueKind == JsonValueKind.String).Select(e => e.GetString()!) : element.ValueKind == JsonValueKind.String ? [element.GetString()!] : [];

    [Fact]
    public void No_policy_allows_every_action()
    {
        var wildcards = Statements().Where(s => Strings(s.Statement.GetProperty("Action")).Any(a => a == "*" || a.EndsWith(":*", StringComparison.Ordinal))).Select(s => s.Policy).ToList();

        Assert.Empty(wildcards);
    }

    [Fact]
    public void Only_actions_aws_grants_on_every_resource_have_a_wildcard_resource()
    {
        var offenders = Statements()
            .Where(s => s.Statement.TryGetProperty("Resource", out var r) && Strings(r).Contains("*"))
            .SelectMany(s => Strings(s.Statement.GetProperty("Action")).Where(a => !WildcardResourceAllowed.ContainsKey(a)).Select(a => $"{s.Policy}: {a}"))
            .ToList();

        Assert.Empty(offenders);
    }

    [Fact]
    public void Every_log_group_keeps_logs_for_a_bounded_time() =>
        Assert.All(SynthesizedTemplate.Resources("AWS::Logs::LogGroup"), g => Assert.True(g.Resource.GetProperty("Properties").TryGetProperty("RetentionInDays", out _), g.LogicalId));

    [Fact]
    public void Each_function_has_its_own_role()
    {
        var roles = SynthesizedTemplate.Resources("AWS::Lambda::Function")
            .Where(f => f.Resource.GetProperty("Properties").GetProperty("Runtime").GetString() == "provided.al2023")
            .Select(f => f.Resource.GetProperty("Properties").GetProperty("Role").GetProperty("Fn::GetAtt")[0].GetString())
            .ToList();

        Assert.Equal(roles.Count, roles.Distinct().Count());
    }
}
