using System.Reflection;
using ContinuousImprovement.Core.Ports;

namespace ContinuousImprovement.Infra.Tests;

/// <summary>
/// Every port method of <c>lambdas/Core/Ports</c> (<c>"&lt;interface&gt;.&lt;method&gt;"</c>) and the IAM actions its AWS
/// adapter (<c>lambdas/Aws/Adapters</c>) may need to do its work, read off the adapter and the clients it calls. Where
/// the AWS calls depend on the arguments (a version id or not, metadata or not, a cap of 0), the row lists every action
/// the method can need. Actions only: which resources they may touch is each handler's business, pinned by
/// <see cref="PermissionTests"/>.
/// </summary>
internal static class PortCallGrants
{
    // HeadObject is authorized as s3:GetObject. The port answers null for a missing key, which S3 tells apart from a
    // forbidden one (404, not 403) only to a caller that may also s3:ListBucket: without it the adapter would report
    // "access denied" where the handler expects "not there".
    private static readonly string[] ReadObject = ["s3:GetObject", "s3:ListBucket"];

    // A2I's runtime API authorizes under the sagemaker prefix.
    private const string StartHumanLoop = "sagemaker:StartHumanLoop";

    /// <summary>The IAM actions each port method may need on AWS, by <c>"&lt;interface&gt;.&lt;method&gt;"</c>.</summary>
    public static IReadOnlyDictionary<string, IReadOnlyList<string>> Actions { get; } = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal)
    {
        // S3ObjectStore (AWSSDK.S3).
        ["IObjectStore.HeadAsync"] = ReadObject,
        ["IObjectStore.GetAsync"] = ReadObject,
        ["IObjectStore.PutAsync"] = ["s3:PutObject"],

        // If-None-Match: * needs nothing beyond the write itself.
        ["IObjectStore.PutIfAbsentAsync"] = ["s3:PutObject"],

        // CopyObject reads the source at the version the reference names (s3:GetObjectVersion when it names one) and
        // copies its tags (the default tagging directive), so it reads them and writes them on the copy. Given
        // metadata, the adapter heads the source for its content type first; after the copy it heads the copy.
        ["IObjectStore.CopyIfAbsentAsync"] =
        [
            "s3:GetObject", "s3:GetObjectVersion", "s3:GetObjectTagging", "s3:GetObjectVersionTagging",
            "s3:PutObject", "s3:PutObjectTagging", "s3:ListBucket",
        ],
        ["IObjectStore.ListAsync"] = ["s3:ListBucket"],

        // SsmParameterStore (AWSSDK.SimpleSystemsManagement): String parameters, so no KMS.
        ["IParameterStore.GetByPathAsync"] = ["ssm:GetParametersByPath"],
        ["IParameterStore.GetAsync"] = ["ssm:GetParameter"],
        ["IParameterStore.PutAsync"] = ["ssm:PutParameter"],
        ["IParameterStore.PutAfterAsync"] = ["ssm:PutParameter"],

        // RekognitionModelRuntime: Rekognition fetches the image from S3 with the caller's rights, at the version the
        // reference names when it names one.
        ["IModelRuntime.DetectAsync"] = ["rekognition:DetectCustomLabels", "s3:GetObject", "s3:GetObjectVersion"],

        // DynamoDbInferenceLog.
        ["IInferenceLog.RecordAsync"] = ["dynamodb:UpdateItem", "dynamodb:PutItem"],
        ["IInferenceLog.RecordDecisionAsync"] = ["dynamodb:GetItem", "dynamodb:UpdateItem"],
        ["IInferenceLog.RecordHumanLabelAsync"] = ["dynamodb:Query", "dynamodb:UpdateItem"],
        ["IInferenceLog.TryReserveHumanLoopAsync"] = ["dynamodb:UpdateItem"],
        ["IInferenceLog.ReleaseHumanLoopAsync"] = ["dynamodb:UpdateItem"],
        ["IInferenceLog.HumanLoopsOnAsync"] = ["dynamodb:GetItem"],
        ["IInferenceLog.ConfusionAsync"] = ["dynamodb:Query"],
        ["IInferenceLog.DriftAlertAsync"] = ["dynamodb:GetItem"],
        ["IInferenceLog.TryRecordDriftAlertAsync"] = ["dynamodb:PutItem"],
        ["IInferenceLog.ConfidentDetectionsAsync"] = ["dynamodb:GetItem", "dynamodb:BatchGetItem"],
        ["IInferenceLog.RecordAuditAsync"] = ["dynamodb:GetItem", "dynamodb:UpdateItem"],
        ["IInferenceLog.AuditCursorAsync"] = ["dynamodb:GetItem"],
        ["IInferenceLog.TryMoveAuditCursorAsync"] = ["dynamodb:PutItem"],

        // A2iHumanReview: a loop started twice answers 409 ConflictException, which the adapter takes as "already
        // started" without asking anything more, so a start needs no describe.
        ["IHumanReview.StartAsync"] = [StartHumanLoop],
        ["IHumanReview.StatusAsync"] = ["sagemaker:DescribeHumanLoop"],

        // SnsNotifier: the topic is not KMS-encrypted (an encrypted one would add kms:GenerateDataKey and kms:Decrypt).
        ["INotifier.PublishAsync"] = ["sns:Publish"],

        // DynamoDbNotificationDigest. Marking sent reads the claim, queries the keys, deletes them in batches and then
        // deletes the claim.
        ["INotificationDigest.AddAsync"] = ["dynamodb:PutItem"],
        ["INotificationDigest.CurrentClaimAsync"] = ["dynamodb:GetItem"],
        ["INotificationDigest.TryClaimAsync"] = ["dynamodb:PutItem"],
        ["INotificationDigest.WaitingAsync"] = ["dynamodb:Query"],
        ["INotificationDigest.MarkSentAsync"] = ["dynamodb:GetItem", "dynamodb:Query", "dynamodb:BatchWriteItem", "dynamodb:DeleteItem"],

        // EventBridgeSchedules: PutRule without tags, so no events:TagResource.
        ["ISchedules.GetAsync"] = ["events:DescribeRule"],
        ["ISchedules.ApplyAsync"] = ["events:PutRule"],

        // RekognitionModelTraining. Rekognition reads the manifests and the images they list, and writes its output
        // under the output prefix, with the caller's rights.
        ["IModelTraining.CreateVersionAsync"] =
        [
            "rekognition:CreateProjectVersion",
            "s3:GetBucketAcl", "s3:GetBucketLocation",
            "s3:GetObject", "s3:GetObjectAcl", "s3:GetObjectTagging", "s3:GetObjectVersion",
            "s3:PutObject",
        ],
        ["IModelTraining.DescribeVersionAsync"] = ["rekognition:DescribeProjectVersions"],
        ["IModelTraining.StartVersionAsync"] = ["rekognition:StartProjectVersion"],
        ["IModelTraining.StopVersionAsync"] = ["rekognition:StopProjectVersion"],

        // DynamoDbLeases: a conditional put takes the lease, a conditional delete gives it back.
        ["ILeases.TryAcquireAsync"] = ["dynamodb:PutItem"],
        ["ILeases.ReleaseAsync"] = ["dynamodb:DeleteItem"],
    };

    /// <summary>
    /// Every method of every interface in Core's ports namespace, as <c>"&lt;interface&gt;.&lt;method&gt;"</c>, sorted: what
    /// the table must cover, found by reflection so a new port or method cannot be missed.
    /// </summary>
    public static IReadOnlyList<string> PortMethods() =>
        [.. typeof(IObjectStore).Assembly.GetExportedTypes()
            .Where(t => t.IsInterface && string.Equals(t.Namespace, typeof(IObjectStore).Namespace, StringComparison.Ordinal))
            .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly)
                .Where(m => !m.IsSpecialName)
                .Select(m => $"{t.Name}.{m.Name}"))
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)];
}
