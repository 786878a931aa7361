using Amazon.CDK;
using Amazon.CDK.AWS.DynamoDB;
using Amazon.CDK.AWS.IAM;
using Amazon.CDK.AWS.Rekognition;
using Amazon.CDK.AWS.S3;
using Amazon.CDK.AWS.SNS;
using ContinuousImprovement.Core.Parameters;
using ContinuousImprovement.Core.Storage;
using ContinuousImprovement.Handlers.AuditSampling;
using ContinuousImprovement.Handlers.Detection;
using ContinuousImprovement.Handlers.OperationsDigest;
using ContinuousImprovement.Handlers.Notifications;
using ContinuousImprovement.Handlers.ParameterApply;
using ContinuousImprovement.Handlers.ReviewFiling;
using ContinuousImprovement.Handlers.State;
using ContinuousImprovement.Handlers.Training;

namespace ContinuousImprovement.Infra;

/// <summary>
/// What each handler may do, and nothing more: every function has its own role, scoped to the prefixes, items,
/// parameters, rules and services its handler calls through its ports (read off the handlers and the AWS adapters).
/// </summary>
/// <remarks>
/// Port calls and the AWS actions they need: object head/get → s3:GetObject (plus s3:GetObjectVersion where the
/// handler passes a version id on, to Rekognition or a copy); a create-only put → s3:PutObject; a copy → the source's
/// read and tags and the destination's write; a listing → s3:ListBucket limited to its prefix. A handler that asks
/// for an object that may be missing gets s3:ListBucket on the bucket as well: without it S3 answers 403 instead of
/// 404 for a missing key, and the adapter could not tell "gone" from "forbidden".
/// </remarks>
internal sealed class HandlerPermissions(PermissionTargets targets)
{
    /// <summary>Grants a handler's permissions to its function's role.</summary>
    /// <exception cref="InvalidOperationException">The handler has no entry here: it must not be deployed unreviewed.</exception>
    public void Grant(string handler, IGrantable function)
    {
        switch (handler)
        {
            case DetectionWorkflow.ReadUpload:
                Objects(function, ["s3:GetObject"], BucketLayout.ImagesForDetection);
                MissingObjectsAnswerNotFound(function);
                break;
            case DetectionWorkflow.LoadSettings:
                ReadSettings(function);
                break;
            case DetectionWorkflow.MarkPending:
                Objects(function, ["s3:PutObject"], BucketLayout.Pending);
                break;
            case DetectionWorkflow.DetectLabels:
                // Rekognition reads the image with the caller's rights, the version the upload event named.
                Objects(function, ["s3:GetObject", "s3:GetObjectVersion"], BucketLayout.ImagesForDetection);
                Allow(function, ["rekognition:DetectCustomLabels"], ProjectVersions());
                break;
            case DetectionWorkflow.Quarantine:
                CopyObjects(function, BucketLayout.ImagesForDetection, BucketLayout.Quarantine);
                MissingObjectsAnswerNotFound(function);
                break;
            case DetectionWorkflow.LogInference:
                Items(function, "dynamodb:PutItem", "dynamodb:UpdateItem");
                break;
            case DetectionWorkflow.DecideReview:
                Items(function, "dynamodb:GetItem", "dynamodb:UpdateItem");
                DescribeHumanLoops(function);
                break;
            case DetectionWorkflow.StartReview:
                ListUnder(function, BucketLayout.LabeledImages);
                Items(function, "dynamodb:GetItem", "dynamodb:UpdateItem");
                StartHumanLoops(function);
                break;
            case DetectionWorkflow.ReturnReviewSlot:
                // As audit's, and the decision is written again as not sent to a reviewer.
                DescribeHumanLoops(function);
                Items(function, "dynamodb:GetItem", "dynamodb:UpdateItem");
                break;
            case AuditSamplingWorkflow.ReturnReviewSlot:
                // Asks whether the loop exists, then gives its day's slot back (an update of the day's counter item).
                DescribeHumanLoops(function);
                Items(function, "dynamodb:UpdateItem");
                break;
            case Notify.Name:
                ReadSettings(function);
                targets.Topic.GrantPublish(function);
                Items(function, "dynamodb:PutItem");
                break;

            case ReviewFilingWorkflow.ReadReview:
                Objects(function, ["s3:GetObject"], BucketLayout.ReviewOutput);
                MissingObjectsAnswerNotFound(function);
                break;
            case ReviewFilingWorkflow.FileImage:
                CopyObjects(function, BucketLayout.ImagesForDetection, BucketLayout.LabeledImages);
                MissingObjectsAnswerNotFound(function);
                break;
            case ReviewFilingWorkflow.Conclude:
                Items(function, "dynamodb:Query", "dynamodb:UpdateItem");
                break;

            case ParameterApplyWorkflow.CheckChange:
                ReadSettings(function);
                break;
            case ParameterApplyWorkflow.Restore:
                // Writes back an operator parameter of the catalog, never the system parameter or anything else.
                Allow(function, ["ssm:PutParameter"], [.. targets.Catalog.Parameters.Select(p => Parameter(targets.Catalog.FullName(p.Name)))]);
                break;
            case ParameterApplyWorkflow.RememberLastGood:
                // Works the last good values out again from the parameters as stored, under the lease.
                ReadSettings(function);
                SystemState(function);
                break;
            case ParameterApplyWorkflow.Apply:
                // Re-times and switches the schedule rules the stack made; PutRule keeps their targets.
                Allow(function, ["events:DescribeRule", "events:PutRule"], [.. targets.ScheduleRuleNames.Select(RuleArn)]);
                break;

            case TrainingWorkflow.Check:
                // Claims the training in the system parameter when it is time to train.
                ReadSettings(function);
                ListUnder(function, BucketLayout.LabeledImages);
                SystemState(function);
                break;
            case TrainingWorkflow.CreateVersion:
                ListUnder(function, BucketLayout.LabeledImages);
                Objects(function, ["s3:PutObject"], BucketLayout.Manifests);
                Allow(function, ["rekognition:CreateProjectVersion"], [targets.Project.AttrArn]);

                // Rekognition reads the manifests and images and writes its output with the caller's rights.
                Objects(function, ["s3:GetObject", "s3:GetObjectVersion", "s3:GetObjectAcl", "s3:GetObjectTagging"], BucketLayout.Manifests, BucketLayout.LabeledImages);
                Allow(function, ["s3:GetBucketAcl", "s3:GetBucketLocation"], [targets.Bucket.BucketArn]);
                break;
            case TrainingWorkflow.ScoreServing:
                // Reads the system parameter (what serves), the test manifest and its images, and asks the serving
                // version about each; a test image gone since is skipped, so a missing one must answer 404.
                Allow(function, ["ssm:GetParameter"], [Parameter(targets.Catalog.FullName(targets.Catalog.SystemParameter.Name))]);
                Allow(function, ["rekognition:DescribeProjectVersions"], [targets.Project.AttrArn]);
                Allow(function, ["rekognition:DetectCustomLabels"], ProjectVersions());
                Objects(function, ["s3:GetObject", "s3:GetObjectVersion"], BucketLayout.Manifests, BucketLayout.LabeledImages);
                MissingObjectsAnswerNotFound(function);
                break;
            case TrainingWorkflow.DescribeTraining:
                Allow(function, ["rekognition:DescribeProjectVersions"], [targets.Project.AttrArn]);
                break;
            case TrainingWorkflow.DeployStep:
                Allow(function, ["rekognition:StartProjectVersion", "rekognition:StopProjectVersion"], ProjectVersions());
                Allow(function, ["rekognition:DescribeProjectVersions"], [targets.Project.AttrArn]);
                SystemState(function);
                break;
            case TrainingWorkflow.RecordCandidate:
            case TrainingWorkflow.RecordFailure:
            case TrainingWorkflow.Gate:
            case TrainingWorkflow.FinishDeployment:
            case TrainingWorkflow.ReleaseCandidate:
                SystemState(function);
                break;

            case AuditSamplingWorkflow.LoadSettings:
                ReadSettings(function);
                break;
            case AuditSamplingWorkflow.Plan:
                Items(function, "dynamodb:GetItem", "dynamodb:BatchGetItem");
                break;
            case AuditSamplingWorkflow.Reserve:
                Objects(function, ["s3:GetObject"], BucketLayout.ImagesForDetection);
                MissingObjectsAnswerNotFound(function);
                DescribeHumanLoops(function);
                Items(function, "dynamodb:GetItem", "dynamodb:UpdateItem");
                break;
            case AuditSamplingWorkflow.StartReview:
                ListUnder(function, BucketLayout.LabeledImages);
                StartHumanLoops(function);
                Items(function, "dynamodb:GetItem", "dynamodb:UpdateItem");
                break;
            case AuditSamplingWorkflow.FinishRound:
                Items(function, "dynamodb:GetItem", "dynamodb:PutItem");
                break;

            // They only turn a caught error into words.
            case DetectionWorkflow.DescribeFailure:
            case ReviewFilingWorkflow.DescribeFailure:
            case ParameterApplyWorkflow.DescribeFailure:
            case TrainingWorkflow.DescribeFailure:
            case AuditSamplingWorkflow.DescribeFailure:
            case OperationsDigestWorkflow.DescribeFailure:
                break;

            case OperationsDigestWorkflow.LoadSettings:
                ReadSettings(function);
                break;
            case OperationsDigestWorkflow.CheckDrift:
                // The serving model's confusion is a Query of the labeled-by-model index; the last alert an item.
                Items(function, "dynamodb:GetItem");
                Allow(function, ["dynamodb:Query"], [$"{targets.Table.TableArn}/index/{TableLayout.LabeledByModelIndex}"]);
                break;
            case OperationsDigestWorkflow.RecordDrift:
                Items(function, "dynamodb:PutItem", "dynamodb:GetItem");
                break;
            case OperationsDigestWorkflow.Claim:
                // An empty claim is released at once (BatchWriteItem/DeleteItem), as mark-sent does.
                Items(function, "dynamodb:GetItem", "dynamodb:PutItem", "dynamodb:Query", "dynamodb:BatchWriteItem", "dynamodb:DeleteItem");
                break;
            case OperationsDigestWorkflow.Publish:
                targets.Topic.GrantPublish(function);
                break;
            case OperationsDigestWorkflow.MarkSent:
                Items(function, "dynamodb:GetItem", "dynamodb:Query", "dynamodb:BatchWriteItem", "dynamodb:DeleteItem");
                break;

            default:
                throw Unreviewed(handler);
        }
    }

    private static InvalidOperationException Unreviewed(string handler) =>
        new($"Handler '{handler}' has no permissions defined: add them to HandlerPermissions before deploying it.");

    private void Objects(IGrantable function, string[] actions, params string[] prefixes) =>
        Allow(function, actions, [.. prefixes.Select(p => targets.Bucket.ArnForObjects(p + "*"))]);

    // CopyObject reads the source (at the version the request names) and its tags, and writes the copy with them.
    private void CopyObjects(IGrantable function, string from, string to)
    {
        Objects(function, ["s3:GetObject", "s3:GetObjectVersion", "s3:GetObjectTagging", "s3:GetObjectVersionTagging"], from);
        Objects(function, ["s3:GetObject", "s3:PutObject", "s3:PutObjectTagging"], to);
    }

    private void ListUnder(IGrantable function, string prefix) =>
        function.GrantPrincipal.AddToPrincipalPolicy(new PolicyStatement(new PolicyStatementProps
        {
            Actions = ["s3:ListBucket"],
            Resources = [targets.Bucket.BucketArn],
            Conditions = new Dictionary<string, object> { ["StringLike"] = new Dictionary<string, object> { ["s3:prefix"] = new[] { prefix + "*" } } },
        }));

    private void MissingObjectsAnswerNotFound(IGrantable function) => Allow(function, ["s3:ListBucket"], [targets.Bucket.BucketArn]);

    private void Items(IGrantable function, params string[] actions) => Allow(function, actions, [targets.Table.TableArn]);

    // SettingsReader reads the prefix's parameters with one GetParametersByPath; its resource is the path itself.
    private void ReadSettings(IGrantable function)
    {
        var path = targets.Catalog.Prefix.Trim('/');
        Allow(function, ["ssm:GetParametersByPath"], [Parameter("/" + path), Parameter("/" + path + "/*")]);
    }

    // A change of the system parameter is made under its lease: one item of the table, taken and given back. A write
    // that replaced one made without the lease is reported to the topic at once.
    private void SystemState(IGrantable function)
    {
        targets.Topic.GrantPublish(function);
        Allow(function, ["ssm:GetParameter", "ssm:PutParameter"], [Parameter(targets.Catalog.FullName(targets.Catalog.SystemParameter.Name))]);
        function.GrantPrincipal.AddToPrincipalPolicy(new PolicyStatement(new PolicyStatementProps
        {
            Actions = ["dynamodb:PutItem", "dynamodb:DeleteItem"],
            Resources = [targets.Table.TableArn],
            Conditions = new Dictionary<string, object>
            {
                ["ForAllValues:StringEquals"] = new Dictionary<string, object> { ["dynamodb:LeadingKeys"] = new[] { TableLayout.Lease(SystemStateStore.LeaseName) } },
            },
        }));
    }

    private void DescribeHumanLoops(IGrantable function) =>
        Allow(function, ["sagemaker:DescribeHumanLoop"], [Arn("sagemaker", "human-loop", "*")]);

    // A loop started twice under its name answers a conflict, which the adapter takes as "already started": no describe.
    private void StartHumanLoops(IGrantable function) => Allow(function, ["sagemaker:StartHumanLoop"], [targets.FlowDefinitionArn]);

    private string[] ProjectVersions() => [Arn("rekognition", "project", targets.Project.ProjectName + "/version/*")];

    private string Parameter(string fullName) => Arn("ssm", "parameter", fullName.TrimStart('/'));

    private string RuleArn(string name) => Arn("events", "rule", name);

    private string Arn(string service, string resource, string name) =>
        targets.Stack.FormatArn(new ArnComponents { Service = service, Resource = resource, ResourceName = name, ArnFormat = ArnFormat.SLASH_RESOURCE_NAME });

    private static void Allow(IGrantable function, string[] actions, string[] resources) =>
        function.GrantPrincipal.AddToPrincipalPolicy(new PolicyStatement(new PolicyStatementProps { Actions = actions, Resources = resources }));
}
