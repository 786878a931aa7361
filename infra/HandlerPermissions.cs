using Amazon.CDK;
using Amazon.CDK.AWS.DynamoDB;
using Amazon.CDK.AWS.IAM;
using Amazon.CDK.AWS.S3;
using Amazon.CDK.AWS.SNS;
using ContinuousImprovement.Core.Parameters;
using ContinuousImprovement.Core.Storage;
using ContinuousImprovement.Handlers.Detection;
using ContinuousImprovement.Handlers.Notifications;
using Constructs;

namespace ContinuousImprovement.Infra;

/// <summary>
/// What each handler may do, and nothing more: every function has its own role, scoped to the prefixes,
/// table, topic and services its handler calls.
/// </summary>
internal sealed class HandlerPermissions(Construct scope, Bucket bucket, Table table, Topic topic, ParameterCatalog catalog)
{
    public void Grant(string handler, IGrantable function)
    {
        switch (handler)
        {
            case DetectionWorkflow.ReadUpload:
                bucket.GrantRead(function, BucketLayout.ImagesForDetection + "*");
                break;
            case DetectionWorkflow.LoadSettings:
                ReadParameters(function);
                break;
            case DetectionWorkflow.MarkPending:
                bucket.GrantPut(function, BucketLayout.Pending + "*");
                bucket.GrantRead(function, BucketLayout.Pending + "*");
                break;
            case DetectionWorkflow.DetectLabels:
                bucket.GrantRead(function, BucketLayout.ImagesForDetection + "*");
                Allow(function, ["rekognition:DetectCustomLabels"], [Stack.Of(scope).FormatArn(new ArnComponents { Service = "rekognition", Resource = "project", ResourceName = "ContinuousImprovement/*", ArnFormat = ArnFormat.SLASH_RESOURCE_NAME })]);
                break;
            case DetectionWorkflow.Quarantine:
                bucket.GrantRead(function, BucketLayout.ImagesForDetection + "*");
                bucket.GrantPut(function, BucketLayout.Quarantine + "*");
                bucket.GrantRead(function, BucketLayout.Quarantine + "*");
                break;
            case DetectionWorkflow.LogInference:
                table.GrantReadWriteData(function);
                break;
            case DetectionWorkflow.DecideReview:
                table.GrantReadWriteData(function);
                Allow(function, ["sagemaker:DescribeHumanLoop"], [HumanLoops()]);
                break;
            case DetectionWorkflow.StartReview:
                table.GrantReadWriteData(function);
                bucket.GrantRead(function, BucketLayout.ImagesForDetection + "*");
                Allow(function, ["s3:ListBucket"], [bucket.BucketArn]);
                Allow(function, ["sagemaker:StartHumanLoop", "sagemaker:DescribeHumanLoop"], [HumanLoops(), Stack.Of(scope).FormatArn(new ArnComponents { Service = "sagemaker", Resource = "flow-definition", ResourceName = "*", ArnFormat = ArnFormat.SLASH_RESOURCE_NAME })]);
                break;
            case DetectionWorkflow.DescribeFailure:
                break;
            case Notify.Name:
                topic.GrantPublish(function);
                ReadParameters(function);
                table.GrantReadWriteData(function);
                break;
            default:
                throw new InvalidOperationException($"Handler '{handler}' has no permissions defined: add them here before deploying it.");
        }
    }

    private void ReadParameters(IGrantable function) =>
        Allow(function, ["ssm:GetParametersByPath", "ssm:GetParameter", "ssm:GetParameters"], [Stack.Of(scope).FormatArn(new ArnComponents { Service = "ssm", Resource = "parameter", ResourceName = catalog.Prefix.Trim('/') + "*", ArnFormat = ArnFormat.SLASH_RESOURCE_NAME })]);

    private string HumanLoops() =>
        Stack.Of(scope).FormatArn(new ArnComponents { Service = "sagemaker", Resource = "human-loop", ResourceName = "*", ArnFormat = ArnFormat.SLASH_RESOURCE_NAME });

    private static void Allow(IGrantable function, string[] actions, string[] resources) =>
        function.GrantPrincipal.AddToPrincipalPolicy(new PolicyStatement(new PolicyStatementProps { Actions = actions, Resources = resources }));
}
