namespace ContinuousImprovement.Infra.Tests;

/// <summary>Least privilege and hygiene, checked on the synthesized template of the whole system.</summary>
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

    /// <summary>AWS managed policies a role may carry, each with its reason (the handlers' roles carry none).</summary>
    private static readonly Dictionary<string, string> ManagedPoliciesAllowed = new(StringComparer.Ordinal)
    {
        ["service-role/AWSLambdaBasicExecutionRole"] = "CDK's own bucket-notification function role, made by CDK: it only writes its logs.",
    };

    private static Synthesized S => SynthesizedTemplate.Full;

    [Fact]
    public void No_policy_allows_a_wildcard_action()
    {
        var wildcards = S.Statements().SelectMany(s => Synthesized.Strings(s.Statement.GetProperty("Action")).Where(a => a.Contains('*', StringComparison.Ordinal)).Select(a => $"{s.Role}: {a}")).ToList();

        Assert.Empty(wildcards);
    }

    [Fact]
    public void Only_actions_aws_grants_on_every_resource_have_a_wildcard_resource()
    {
        var offenders = S.Statements()
            .Where(s => Synthesized.Strings(s.Statement.GetProperty("Resource")).Contains("*"))
            .SelectMany(s => Synthesized.Strings(s.Statement.GetProperty("Action")).Where(a => !WildcardResourceAllowed.ContainsKey(a)).Select(a => $"{s.Role}: {a}"))
            .ToList();

        Assert.Empty(offenders);
    }

    [Fact]
    public void Every_statement_allows_and_names_its_actions_and_resources()
    {
        Assert.All(S.Statements(), s =>
        {
            Assert.Equal("Allow", s.Statement.GetProperty("Effect").GetString());
            Assert.False(s.Statement.TryGetProperty("NotAction", out _), s.Role);
            Assert.False(s.Statement.TryGetProperty("NotResource", out _), s.Role);
            Assert.True(s.Statement.TryGetProperty("Resource", out _), s.Role);
        });
    }

    [Fact]
    public void Only_listed_aws_managed_policies_are_attached_and_never_to_a_handlers_role()
    {
        var handlerRoles = DeployedWorkflow.Handlers.Select(h => S.Properties(S.FunctionOf(h)).GetProperty("Role").GetProperty("Fn::GetAtt")[0].GetString()).ToHashSet(StringComparer.Ordinal);
        var attached = S.Resources("AWS::IAM::Role")
            .Where(r => r.Resource.GetProperty("Properties").TryGetProperty("ManagedPolicyArns", out _))
            .SelectMany(r => r.Resource.GetProperty("Properties").GetProperty("ManagedPolicyArns").EnumerateArray().Select(a => (Role: r.LogicalId, Policy: a.GetProperty("Fn::Join")[1][2].GetString()!.Split(":policy/")[1])))
            .ToList();

        Assert.All(attached, a => Assert.True(ManagedPoliciesAllowed.ContainsKey(a.Policy), $"{a.Role}: {a.Policy}"));
        Assert.DoesNotContain(attached, a => handlerRoles.Contains(a.Role));
    }

    [Fact]
    public void Every_role_is_assumable_only_by_the_one_service_that_runs_it()
    {
        var services = new HashSet<string>(StringComparer.Ordinal) { "lambda.amazonaws.com", "states.amazonaws.com", "events.amazonaws.com", "sagemaker.amazonaws.com" };
        Assert.All(S.Resources("AWS::IAM::Role"), r =>
        {
            var statement = Assert.Single(r.Resource.GetProperty("Properties").GetProperty("AssumeRolePolicyDocument").GetProperty("Statement").EnumerateArray());
            Assert.Equal("sts:AssumeRole", statement.GetProperty("Action").GetString());
            var principal = Assert.Single(statement.GetProperty("Principal").EnumerateObject());
            Assert.Equal("Service", principal.Name);
            Assert.Contains(principal.Value.GetString()!, services);
        });
    }

    [Fact]
    public void A_role_is_passed_only_to_sagemaker_and_only_the_role_a2i_assumes()
    {
        var a2iRole = S.Resources("AWS::IAM::Role").Single(r => r.Resource.GetProperty("Properties").GetProperty("AssumeRolePolicyDocument").GetRawText().Contains("sagemaker.amazonaws.com", StringComparison.Ordinal)).LogicalId;
        var passes = S.Statements().Where(s => Synthesized.Strings(s.Statement.GetProperty("Action")).Contains("iam:PassRole")).ToList();

        var pass = Assert.Single(passes);
        Assert.Equal("sagemaker.amazonaws.com", pass.Statement.GetProperty("Condition").GetProperty("StringEquals").GetProperty("iam:PassedToService").GetString());
        Assert.Equal(a2iRole, pass.Statement.GetProperty("Resource").GetProperty("Fn::GetAtt")[0].GetString());
    }

    [Fact]
    public void The_bucket_policy_refuses_requests_without_tls_and_allows_nothing()
    {
        var (_, properties) = S.Single("AWS::S3::BucketPolicy");
        var statements = properties.GetProperty("PolicyDocument").GetProperty("Statement").EnumerateArray().ToList();

        Assert.All(statements, s => Assert.Equal("Deny", s.GetProperty("Effect").GetString()));
        Assert.Contains(statements, s => s.GetProperty("Condition").GetProperty("Bool").GetProperty("aws:SecureTransport").GetString() == "false");
    }

    [Fact]
    public void Data_is_encrypted_at_rest_in_the_bucket_the_table_and_the_topic()
    {
        var bucket = S.Single("AWS::S3::Bucket").Properties.GetProperty("BucketEncryption").GetProperty("ServerSideEncryptionConfiguration")[0];
        Assert.Equal("AES256", bucket.GetProperty("ServerSideEncryptionByDefault").GetProperty("SSEAlgorithm").GetString());
        Assert.True(S.Single("AWS::DynamoDB::Table").Properties.GetProperty("SSESpecification").GetProperty("SSEEnabled").GetBoolean());
        Assert.Contains("alias/aws/sns", S.Single("AWS::SNS::Topic").Properties.GetProperty("KmsMasterKeyId").GetRawText(), StringComparison.Ordinal);
    }

    [Fact]
    public void Nothing_is_public()
    {
        var block = S.Single("AWS::S3::Bucket").Properties.GetProperty("PublicAccessBlockConfiguration");
        Assert.All(block.EnumerateObject(), setting => Assert.True(setting.Value.GetBoolean(), setting.Name));
        Assert.Empty(S.Resources("AWS::Lambda::Permission"));
        Assert.Empty(S.Resources("AWS::Lambda::Url"));
        Assert.True(S.Single("AWS::Cognito::UserPool").Properties.GetProperty("AdminCreateUserConfig").GetProperty("AllowAdminCreateUserOnly").GetBoolean());
    }

    [Fact]
    public void Every_log_group_keeps_logs_for_a_bounded_time() =>
        Assert.All(S.Resources("AWS::Logs::LogGroup"), g => Assert.True(g.Resource.GetProperty("Properties").TryGetProperty("RetentionInDays", out _), g.LogicalId));

    [Fact]
    public void Every_function_cdks_own_included_logs_to_a_log_group_of_the_stack()
    {
        var groups = S.Resources("AWS::Logs::LogGroup").Select(g => g.LogicalId).ToHashSet(StringComparer.Ordinal);
        Assert.All(S.Resources("AWS::Lambda::Function"), f =>
        {
            Assert.True(f.Resource.GetProperty("Properties").TryGetProperty("LoggingConfig", out var logging), f.LogicalId);
            Assert.Contains(logging.GetProperty("LogGroup").GetProperty("Ref").GetString()!, groups);
        });
    }

    [Fact]
    public void Each_function_has_its_own_role()
    {
        var roles = S.HandlerFunctions().Select(f => f.Properties.GetProperty("Role").GetProperty("Fn::GetAtt")[0].GetString()).ToList();

        Assert.Equal(roles.Count, roles.Distinct().Count());
    }

    [Fact]
    public void Each_rule_starts_its_workflow_with_a_role_that_may_start_only_that_workflow()
    {
        Assert.All(S.Resources("AWS::Events::Rule"), rule =>
        {
            var target = Assert.Single(rule.Resource.GetProperty("Properties").GetProperty("Targets").EnumerateArray());
            var role = target.GetProperty("RoleArn").GetProperty("Fn::GetAtt")[0].GetString();
            var statements = S.Statements().Where(s => s.Role == role).Select(s => s.Statement).ToList();
            var statement = Assert.Single(statements);
            Assert.Equal(["states:StartExecution"], Synthesized.Strings(statement.GetProperty("Action")));
            Assert.Equal(target.GetProperty("Arn").GetProperty("Ref").GetString(), statement.GetProperty("Resource").GetProperty("Ref").GetString());
        });
    }

    [Fact]
    public void The_wildcard_exceptions_all_give_a_reason() =>
        Assert.All(WildcardResourceAllowed.Concat(ManagedPoliciesAllowed), e => Assert.False(string.IsNullOrWhiteSpace(e.Value), e.Key));
}
