using ContinuousImprovement.Handlers.OperationsDigest;
using ContinuousImprovement.Handlers.AuditSampling;
using ContinuousImprovement.Handlers.Detection;
using ContinuousImprovement.Handlers.Notifications;
using ContinuousImprovement.Handlers.ParameterApply;
using ContinuousImprovement.Handlers.ReviewFiling;
using ContinuousImprovement.Handlers.Training;

namespace ContinuousImprovement.Infra.Tests;

/// <summary>
/// Each handler's role, exactly: what its handler calls through its ports, on the prefixes, items, parameters and
/// rules it touches, and nothing else (its log lines, to its own group, are checked apart).
/// </summary>
public sealed class PermissionTests
{
    private const string Bucket = "{Bucket.Arn}";
    private const string Table = "{Table.Arn}";
    private const string Ssm = "arn:{Partition}:ssm:{Region}:{Account}:parameter/ContinuousImprovement";
    private const string Versions = "arn:{Partition}:rekognition:{Region}:{Account}:project/ContinuousImprovement/version/*";
    private const string HumanLoops = "arn:{Partition}:sagemaker:{Region}:{Account}:human-loop/*";
    private const string ListLabeled = """s3:ListBucket {Bucket.Arn} when {"StringLike":{"s3:prefix":["images_labeled_by_folder/*"]}}""";

    private static readonly string[] ReadSettings = [$"ssm:GetParametersByPath {Ssm}", $"ssm:GetParametersByPath {Ssm}/*"];
    private static readonly string[] RekognitionReads = ["s3:GetObject", "s3:GetObjectAcl", "s3:GetObjectTagging", "s3:GetObjectVersion"];
    private static readonly string[] ObjectReads = ["s3:GetObject", "s3:GetObjectVersion"];
    private const string SystemStateLease = """ {Table.Arn} when {"ForAllValues:StringEquals":{"dynamodb:LeadingKeys":["LEASE#system-parameter"]}}""";
    private static readonly string[] SystemState = [$"ssm:GetParameter {Ssm}/System-State", $"ssm:PutParameter {Ssm}/System-State", "dynamodb:PutItem" + SystemStateLease, "dynamodb:DeleteItem" + SystemStateLease, "sns:Publish {Topic}"];

    // 404 rather than 403 for a key that is not there (see HandlerPermissions).
    private const string MissingKeys = "s3:ListBucket {Bucket.Arn}";

    public static TheoryData<string, string[]> Expected => new()
    {
        { DetectionWorkflow.ReadUpload, [$"s3:GetObject {Bucket}/images_for_detection/*", MissingKeys] },
        { DetectionWorkflow.LoadSettings, ReadSettings },
        { DetectionWorkflow.MarkPending, [$"s3:PutObject {Bucket}/pending/*"] },
        { DetectionWorkflow.DetectLabels, [$"rekognition:DetectCustomLabels {Versions}", $"s3:GetObject {Bucket}/images_for_detection/*", $"s3:GetObjectVersion {Bucket}/images_for_detection/*"] },
        { DetectionWorkflow.Quarantine, [.. Copy("images_for_detection/", "quarantine/"), MissingKeys] },
        { DetectionWorkflow.LogInference, [$"dynamodb:PutItem {Table}", $"dynamodb:UpdateItem {Table}"] },
        { DetectionWorkflow.DecideReview, [$"dynamodb:GetItem {Table}", $"dynamodb:UpdateItem {Table}", $"sagemaker:DescribeHumanLoop {HumanLoops}"] },
        { DetectionWorkflow.StartReview, [$"dynamodb:GetItem {Table}", $"dynamodb:UpdateItem {Table}", ListLabeled, "sagemaker:StartHumanLoop {FlowDefinition.FlowDefinitionArn}"] },
        { DetectionWorkflow.ReturnReviewSlot, [$"dynamodb:GetItem {Table}", $"dynamodb:UpdateItem {Table}", $"sagemaker:DescribeHumanLoop {HumanLoops}"] },
        { DetectionWorkflow.DescribeFailure, [] },
        { Notify.Name, [$"dynamodb:PutItem {Table}", "sns:Publish {Topic}", .. ReadSettings] },
        { ReviewFilingWorkflow.ReadReview, [$"s3:GetObject {Bucket}/review_output/*", MissingKeys] },
        { ReviewFilingWorkflow.FileImage, [.. Copy("images_for_detection/", "images_labeled_by_folder/"), MissingKeys] },
        { ReviewFilingWorkflow.Conclude, [$"dynamodb:Query {Table}", $"dynamodb:UpdateItem {Table}"] },
        { ReviewFilingWorkflow.DescribeFailure, [] },
        { ParameterApplyWorkflow.CheckChange, ReadSettings },
        { ParameterApplyWorkflow.Restore, [.. Core.Parameters.ParameterCatalog.Default.Parameters.Select(p => $"ssm:PutParameter {Ssm}/{p.Name}")] },
        { ParameterApplyWorkflow.RememberLastGood, [.. ReadSettings, .. SystemState] },
        {
            ParameterApplyWorkflow.Apply,
            [
                "events:DescribeRule arn:{Partition}:events:{Region}:{Account}:rule/ContinuousImprovement-audit",
                "events:DescribeRule arn:{Partition}:events:{Region}:{Account}:rule/ContinuousImprovement-digest",
                "events:DescribeRule arn:{Partition}:events:{Region}:{Account}:rule/ContinuousImprovement-training",
                "events:PutRule arn:{Partition}:events:{Region}:{Account}:rule/ContinuousImprovement-audit",
                "events:PutRule arn:{Partition}:events:{Region}:{Account}:rule/ContinuousImprovement-digest",
                "events:PutRule arn:{Partition}:events:{Region}:{Account}:rule/ContinuousImprovement-training",
            ]
        },
        { ParameterApplyWorkflow.DescribeFailure, [] },
        { TrainingWorkflow.Check, [ListLabeled, .. ReadSettings, .. SystemState] },
        {
            TrainingWorkflow.CreateVersion,
            [
                "rekognition:CreateProjectVersion {Project.Arn}",
                $"s3:GetBucketAcl {Bucket}", $"s3:GetBucketLocation {Bucket}",
                .. RekognitionReads.SelectMany(a => new[] { $"{a} {Bucket}/images_labeled_by_folder/*", $"{a} {Bucket}/manifests/*" }),
                ListLabeled,
                $"s3:PutObject {Bucket}/manifests/*",
            ]
        },
        { TrainingWorkflow.RecordCandidate, SystemState },
        { TrainingWorkflow.DescribeTraining, ["rekognition:DescribeProjectVersions {Project.Arn}"] },
        { TrainingWorkflow.RecordFailure, SystemState },
        {
            TrainingWorkflow.ScoreServing,
            [
                $"ssm:GetParameter {Ssm}/System-State",
                "rekognition:DescribeProjectVersions {Project.Arn}",
                $"rekognition:DetectCustomLabels {Versions}",
                .. ObjectReads.SelectMany(a => new[] { $"{a} {Bucket}/images_labeled_by_folder/*", $"{a} {Bucket}/manifests/*" }),
                MissingKeys,
            ]
        },
        { TrainingWorkflow.Gate, SystemState },
        { TrainingWorkflow.DeployStep, ["rekognition:DescribeProjectVersions {Project.Arn}", $"rekognition:StartProjectVersion {Versions}", $"rekognition:StopProjectVersion {Versions}", .. SystemState] },
        { TrainingWorkflow.FinishDeployment, SystemState },
        { TrainingWorkflow.ReleaseCandidate, SystemState },
        { TrainingWorkflow.DescribeFailure, [] },
        { AuditSamplingWorkflow.LoadSettings, ReadSettings },
        { AuditSamplingWorkflow.Plan, [$"dynamodb:BatchGetItem {Table}", $"dynamodb:GetItem {Table}"] },
        { AuditSamplingWorkflow.Reserve, [$"dynamodb:GetItem {Table}", $"dynamodb:UpdateItem {Table}", $"s3:GetObject {Bucket}/images_for_detection/*", MissingKeys, $"sagemaker:DescribeHumanLoop {HumanLoops}"] },
        { AuditSamplingWorkflow.StartReview, [$"dynamodb:GetItem {Table}", $"dynamodb:UpdateItem {Table}", ListLabeled, "sagemaker:StartHumanLoop {FlowDefinition.FlowDefinitionArn}"] },
        { AuditSamplingWorkflow.ReturnReviewSlot, [$"dynamodb:UpdateItem {Table}", $"sagemaker:DescribeHumanLoop {HumanLoops}"] },
        { AuditSamplingWorkflow.FinishRound, [$"dynamodb:GetItem {Table}", $"dynamodb:PutItem {Table}"] },
        { AuditSamplingWorkflow.DescribeFailure, [] },
        { OperationsDigestWorkflow.LoadSettings, ReadSettings },
        { OperationsDigestWorkflow.CheckDrift, [$"dynamodb:GetItem {Table}", $"dynamodb:Query {Table}/index/LabeledByModel"] },
        { OperationsDigestWorkflow.RecordDrift, [$"dynamodb:GetItem {Table}", $"dynamodb:PutItem {Table}"] },
        { OperationsDigestWorkflow.Claim, [$"dynamodb:BatchWriteItem {Table}", $"dynamodb:DeleteItem {Table}", $"dynamodb:GetItem {Table}", $"dynamodb:PutItem {Table}", $"dynamodb:Query {Table}"] },
        { OperationsDigestWorkflow.Publish, ["sns:Publish {Topic}"] },
        { OperationsDigestWorkflow.MarkSent, [$"dynamodb:BatchWriteItem {Table}", $"dynamodb:DeleteItem {Table}", $"dynamodb:GetItem {Table}", $"dynamodb:Query {Table}"] },
        { OperationsDigestWorkflow.DescribeFailure, [] },
    };

    private static Synthesized S => SynthesizedTemplate.Full;

    [Fact]
    public void The_table_covers_every_deployed_handler() =>
        Assert.Equal(DeployedWorkflow.Handlers.Order(StringComparer.Ordinal), Expected.Select(row => (string)row[0]).Order(StringComparer.Ordinal));

    [Theory]
    [MemberData(nameof(Expected))]
    public void Each_handler_may_do_exactly_what_it_calls(string handler, string[] expected)
    {
        var granted = PermissionText.Lines(S, S.StatementsOf(handler)).Where(l => !l.StartsWith("logs:", StringComparison.Ordinal));

        Assert.Equal(expected.Order(StringComparer.Ordinal), granted);
    }

    [Theory]
    [MemberData(nameof(Expected))]
    public void Each_handler_writes_logs_only_to_its_own_log_group(string handler, string[] unused)
    {
        _ = unused;
        var group = S.Properties(S.FunctionOf(handler)).GetProperty("LoggingConfig").GetProperty("LogGroup").GetProperty("Ref").GetString();
        var logs = PermissionText.Lines(S, S.StatementsOf(handler)).Where(l => l.StartsWith("logs:", StringComparison.Ordinal));

        Assert.Equal([$"logs:CreateLogStream {{{group}.Arn}}", $"logs:PutLogEvents {{{group}.Arn}}"], logs);
    }

    [Fact]
    public void A_handler_without_permissions_defined_is_refused_before_it_is_deployed()
    {
        var stack = new Amazon.CDK.Stack(new Amazon.CDK.App(), "Probe");
        var targets = new PermissionTargets(
            stack,
            new Amazon.CDK.AWS.S3.Bucket(stack, "Bucket"),
            new Amazon.CDK.AWS.DynamoDB.Table(stack, "Table", new Amazon.CDK.AWS.DynamoDB.TableProps { PartitionKey = new Amazon.CDK.AWS.DynamoDB.Attribute { Name = "PK", Type = Amazon.CDK.AWS.DynamoDB.AttributeType.STRING } }),
            new Amazon.CDK.AWS.SNS.Topic(stack, "Topic"),
            Core.Parameters.ParameterCatalog.Default,
            new Amazon.CDK.AWS.Rekognition.CfnProject(stack, "Project", new Amazon.CDK.AWS.Rekognition.CfnProjectProps { ProjectName = "P" }),
            "arn:aws:sagemaker:us-east-1:111122223333:flow-definition/f",
            []);
        var role = new Amazon.CDK.AWS.IAM.Role(stack, "Role", new Amazon.CDK.AWS.IAM.RoleProps { AssumedBy = new Amazon.CDK.AWS.IAM.ServicePrincipal("lambda.amazonaws.com") });
        var permissions = new HandlerPermissions(targets);

        var refused = Assert.Throws<InvalidOperationException>(() => permissions.Grant("digest-send", role));
        Assert.Contains("'digest-send' has no permissions defined", refused.Message, StringComparison.Ordinal);
    }

    private static IEnumerable<string> Copy(string from, string to) =>
    [
        $"s3:GetObject {Bucket}/{from}*", $"s3:GetObjectVersion {Bucket}/{from}*", $"s3:GetObjectTagging {Bucket}/{from}*", $"s3:GetObjectVersionTagging {Bucket}/{from}*",
        $"s3:GetObject {Bucket}/{to}*", $"s3:PutObject {Bucket}/{to}*", $"s3:PutObjectTagging {Bucket}/{to}*",
    ];
}
