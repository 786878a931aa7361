using System.Text.Json;
using System.Text.Json.Nodes;
using ContinuousImprovement.Handlers;

namespace ContinuousImprovement.Infra.Tests;

/// <summary>Amazon A2I in the stack, for each way an operator can choose to reach reviewers.</summary>
public sealed class HumanReviewTests
{
    private const string Flow = "arn:aws:sagemaker:eu-west-1:111122223333:flow-definition/their-reviews";
    private const string Team = "arn:aws:sagemaker:eu-west-1:111122223333:workteam/private-crowd/their-team";

    private static Synthesized Full => SynthesizedTemplate.Full;

    [Fact]
    public void The_task_ui_is_the_worker_template_file_under_a_name_that_changes_with_it()
    {
        var create = Call(Full, "Custom::A2iHumanTaskUi", "Create");
        var template = File.ReadAllText(Path.Combine(StackSettings.FindRepositoryRoot(), ContinuousImprovementStack.WorkerTemplateFile));

        Assert.Equal("createHumanTaskUi", create["action"]!.GetValue<string>());
        Assert.Equal(template, create["parameters"]!["UiTemplate"]!["Content"]!.GetValue<string>());
        Assert.Matches("^continuousimprovement-ui-[0-9a-f]{8}$", create["parameters"]!["HumanTaskUiName"]!.GetValue<string>());
        Assert.Equal(create.ToJsonString(), Call(Full, "Custom::A2iHumanTaskUi", "Update").ToJsonString());
        Assert.Equal("deleteHumanTaskUi", Call(Full, "Custom::A2iHumanTaskUi", "Delete")["action"]!.GetValue<string>());
    }

    [Fact]
    public void A_changed_worker_template_gives_a_new_task_ui_and_flow_definition_so_cloudformation_replaces_both()
    {
        var root = CopyOfRepository(template => template.Replace("Which label fits this image?", "Which label fits?", StringComparison.Ordinal));
        var changed = SynthesizedTemplate.With(new() { ["createWorkteam"] = "true", [SynthesizedTemplate.RepositoryRoot] = root });
        Directory.Delete(root, recursive: true);

        Assert.NotEqual(Name(Full, "Custom::A2iHumanTaskUi", "HumanTaskUiName"), Name(changed, "Custom::A2iHumanTaskUi", "HumanTaskUiName"));
        Assert.NotEqual(Name(Full, "Custom::A2iFlowDefinition", "FlowDefinitionName"), Name(changed, "Custom::A2iFlowDefinition", "FlowDefinitionName"));
    }

    [Fact]
    public void The_flow_definition_uses_the_task_ui_and_the_work_team_and_writes_answers_to_review_output()
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            [Full.Single("AWS::S3::Bucket").LogicalId] = "the-bucket",
            [Full.Single("Custom::A2iHumanTaskUi").LogicalId + ".HumanTaskUiArn"] = "arn:ui",
            [Full.Single("AWS::SageMaker::Workteam").LogicalId + ".WorkteamName"] = "the-team",
            [A2iRole(Full) + ".Arn"] = "arn:role",
            ["AWS::Partition"] = "aws",
            ["AWS::Region"] = "eu-west-1",
            ["AWS::AccountId"] = "111122223333",
        };
        var create = Call(Full, "Custom::A2iFlowDefinition", "Create", values);
        var loop = create["parameters"]!["HumanLoopConfig"]!;

        Assert.Equal("createFlowDefinition", create["action"]!.GetValue<string>());
        Assert.Equal("s3://the-bucket/review_output/", create["parameters"]!["OutputConfig"]!["S3OutputPath"]!.GetValue<string>());
        Assert.Equal("arn:role", create["parameters"]!["RoleArn"]!.GetValue<string>());
        Assert.Equal("arn:ui", loop["HumanTaskUiArn"]!.GetValue<string>());
        Assert.Equal("arn:aws:sagemaker:eu-west-1:111122223333:workteam/private-crowd/the-team", loop["WorkteamArn"]!.GetValue<string>());
        Assert.Equal(1, loop["TaskCount"]!.GetValue<int>());
        Assert.Equal("deleteFlowDefinition", Call(Full, "Custom::A2iFlowDefinition", "Delete")["action"]!.GetValue<string>());
    }

    [Fact]
    public void A2i_may_read_uploaded_images_and_write_answers_and_nothing_else()
    {
        var role = A2iRole(Full);
        var lines = PermissionText.Lines(Full, Full.Statements().Where(s => s.Role == role).Select(s => s.Statement));

        Assert.Equal(["s3:GetObject {Bucket.Arn}/images_for_detection/*", "s3:PutObject {Bucket.Arn}/review_output/*"], lines);
    }

    [Fact]
    public void The_setup_function_may_create_and_delete_only_the_stacks_own_a2i_resources()
    {
        var role = Full.Resources("AWS::Lambda::Function").Single(f => f.LogicalId.StartsWith("AWS679f53fa", StringComparison.Ordinal)).Resource.GetProperty("Properties").GetProperty("Role").GetProperty("Fn::GetAtt")[0].GetString();
        var lines = PermissionText.Lines(Full, Full.Statements().Where(s => s.Role == role).Select(s => s.Statement)).Where(l => !l.StartsWith("logs:", StringComparison.Ordinal));
        var workteam = Full.Single("AWS::SageMaker::Workteam").LogicalId;

        Assert.Equal(
            [
                $$$"""iam:PassRole {{{{A2iRole(Full)}}}.Arn} when {"StringEquals":{"iam:PassedToService":"sagemaker.amazonaws.com"}}""",
                "sagemaker:CreateFlowDefinition arn:{Partition}:sagemaker:{Region}:{Account}:flow-definition/continuousimprovement-review-*",
                "sagemaker:CreateHumanTaskUi arn:{Partition}:sagemaker:{Region}:{Account}:human-task-ui/continuousimprovement-ui-*",
                "sagemaker:DeleteFlowDefinition arn:{Partition}:sagemaker:{Region}:{Account}:flow-definition/continuousimprovement-review-*",
                "sagemaker:DeleteHumanTaskUi arn:{Partition}:sagemaker:{Region}:{Account}:human-task-ui/continuousimprovement-ui-*",
                $"sagemaker:DescribeWorkteam arn:{{Partition}}:sagemaker:{{Region}}:{{Account}}:workteam/private-crowd/{{{workteam}.WorkteamName}}",
            ],
            lines);
    }

    [Fact]
    public void A_new_work_team_gets_a_new_user_pool_app_client_domain_and_group()
    {
        var (pool, poolProperties) = Full.Single("AWS::Cognito::UserPool");
        var (_, client) = Full.Single("AWS::Cognito::UserPoolClient");
        var (group, groupProperties) = Full.Single("AWS::Cognito::UserPoolGroup");
        var member = Full.Single("AWS::SageMaker::Workteam").Properties.GetProperty("MemberDefinitions")[0].GetProperty("CognitoMemberDefinition");

        Assert.True(client.GetProperty("GenerateSecret").GetBoolean());
        Assert.Equal(["code", "implicit"], Synthesized.Strings(client.GetProperty("AllowedOAuthFlows")).Order(StringComparer.Ordinal));
        Assert.Equal(pool, groupProperties.GetProperty("UserPoolId").GetProperty("Ref").GetString());
        Assert.Equal(pool, member.GetProperty("CognitoUserPool").GetProperty("Ref").GetString());
        Assert.Equal(Full.Single("AWS::Cognito::UserPoolClient").LogicalId, member.GetProperty("CognitoClientId").GetProperty("Ref").GetString());
        Assert.Equal(group, member.GetProperty("CognitoUserGroup").GetProperty("Ref").GetString());
        Assert.Equal("Retain", Full.Json.GetProperty("Resources").GetProperty(pool).GetProperty("DeletionPolicy").GetString());
        Assert.Single(Full.Resources("AWS::Cognito::UserPoolDomain"));
        Assert.Equal("OPTIONAL", poolProperties.GetProperty("MfaConfiguration").GetString());
    }

    [Fact]
    public void A_new_work_team_in_the_accounts_workforce_joins_its_user_pool_and_creates_no_pool()
    {
        var s = SynthesizedTemplate.With(new() { ["createWorkteam"] = "true", ["workforceUserPoolId"] = "eu-west-1_AbC123xyZ", ["workforceClientId"] = "4lqk3abc2def" });
        var member = s.Single("AWS::SageMaker::Workteam").Properties.GetProperty("MemberDefinitions")[0].GetProperty("CognitoMemberDefinition");

        Assert.Empty(s.Resources("AWS::Cognito::UserPool"));
        Assert.Equal("eu-west-1_AbC123xyZ", member.GetProperty("CognitoUserPool").GetString());
        Assert.Equal("4lqk3abc2def", member.GetProperty("CognitoClientId").GetString());
        Assert.Equal("eu-west-1_AbC123xyZ", s.Single("AWS::Cognito::UserPoolGroup").Properties.GetProperty("UserPoolId").GetString());
        Assert.Single(s.Resources("Custom::A2iFlowDefinition"));
    }

    [Fact]
    public void An_existing_work_team_gets_the_stacks_task_ui_and_flow_definition_and_no_team_of_its_own()
    {
        var s = SynthesizedTemplate.With(new() { ["workteamArn"] = Team });
        var loop = Call(s, "Custom::A2iFlowDefinition", "Create", new Dictionary<string, string>(StringComparer.Ordinal)
        {
            [s.Single("AWS::S3::Bucket").LogicalId] = "b",
            [s.Single("Custom::A2iHumanTaskUi").LogicalId + ".HumanTaskUiArn"] = "arn:ui",
            [A2iRole(s) + ".Arn"] = "arn:role",
        })["parameters"]!["HumanLoopConfig"]!;

        Assert.Empty(s.Resources("AWS::SageMaker::Workteam"));
        Assert.Empty(s.Resources("AWS::Cognito::UserPool"));
        Assert.Equal(Team, loop["WorkteamArn"]!.GetValue<string>());
        Assert.Equal(Team, s.Json.GetProperty("Outputs").GetProperty("WorkteamArn").GetProperty("Value").GetString());
        Assert.Contains("their-team", Call(s, "Custom::A2iWorkteamPortal", "Create")["parameters"]!["WorkteamName"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public void An_existing_flow_definition_is_used_as_it_is_and_the_stack_creates_no_a2i_resource()
    {
        var s = SynthesizedTemplate.With(new() { ["flowDefinitionArn"] = Flow });

        Assert.Empty(s.Resources("Custom::A2iHumanTaskUi"));
        Assert.Empty(s.Resources("Custom::A2iFlowDefinition"));
        Assert.Empty(s.Resources("AWS::SageMaker::Workteam"));
        Assert.DoesNotContain(s.Resources("AWS::IAM::Role"), r => r.Resource.GetRawText().Contains("sagemaker.amazonaws.com", StringComparison.Ordinal));
        Assert.All(s.HandlerFunctions(), f => Assert.Equal(Flow, f.Properties.GetProperty("Environment").GetProperty("Variables").GetProperty(HostEnvironment.FlowDefinitionArn).GetString()));
        Assert.Equal(Flow, s.Properties(ContinuousImprovement.Core.Events.WorkflowTriggers.HumanLoopStatusStartsFiling).GetProperty("EventPattern").GetProperty("detail").GetProperty("flowDefinitionArn")[0].GetString());
        Assert.Contains(s.StatementsOf(Handlers.Detection.DetectionWorkflow.StartReview), st => st.GetProperty("Resource").ValueKind == JsonValueKind.String && st.GetProperty("Resource").GetString() == Flow);
        Assert.False(s.Json.GetProperty("Outputs").TryGetProperty("ReviewerPortalUrl", out _));
    }

    private static string A2iRole(Synthesized s) =>
        s.Resources("AWS::IAM::Role").Single(r => r.Resource.GetProperty("Properties").GetProperty("AssumeRolePolicyDocument").GetRawText().Contains("sagemaker.amazonaws.com", StringComparison.Ordinal)).LogicalId;

    private static string Name(Synthesized s, string type, string parameter) =>
        Call(s, type, "Create", new Dictionary<string, string>(StringComparer.Ordinal), lenient: true)["parameters"]![parameter]!.GetValue<string>();

    /// <summary>A custom resource's SDK call (Create, Update or Delete) as JSON, its intrinsics resolved from stand-ins.</summary>
    private static JsonNode Call(Synthesized s, string type, string which, IReadOnlyDictionary<string, string>? values = null, bool lenient = false)
    {
        var raw = JsonNode.Parse(s.Single(type).Properties.GetProperty(which).GetRawText())!;
        var text = raw is JsonValue ? raw.GetValue<string>() : Resolved(raw, values ?? new Dictionary<string, string>(), lenient);
        return JsonNode.Parse(text)!;
    }

    // Lenient: every unresolved Ref/GetAtt reads as "x", for checks of the literal parts only.
    private static string Resolved(JsonNode raw, IReadOnlyDictionary<string, string> values, bool lenient)
    {
        if (!lenient)
        {
            return TemplateValues.Resolve(raw, values)!.GetValue<string>();
        }

        var parts = raw["Fn::Join"]![1]!.AsArray().Select(p => p is JsonValue v ? v.GetValue<string>() : "x");
        return string.Concat(parts);
    }

    private static string CopyOfRepository(Func<string, string> changeTemplate)
    {
        var source = StackSettings.FindRepositoryRoot();
        var root = Directory.CreateTempSubdirectory("ci-repo-").FullName;
        File.WriteAllText(Path.Combine(root, "ContinuousImprovement.sln"), "");
        Directory.CreateDirectory(Path.Combine(root, "statemachine"));
        foreach (var file in Directory.EnumerateFiles(Path.Combine(source, "statemachine"), "*.asl.json"))
        {
            File.Copy(file, Path.Combine(root, "statemachine", Path.GetFileName(file)));
        }

        var template = Path.Combine(root, ContinuousImprovementStack.WorkerTemplateFile);
        Directory.CreateDirectory(Path.GetDirectoryName(template)!);
        File.WriteAllText(template, changeTemplate(File.ReadAllText(Path.Combine(source, ContinuousImprovementStack.WorkerTemplateFile))));
        return root;
    }
}
