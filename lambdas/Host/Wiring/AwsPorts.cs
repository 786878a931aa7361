using Amazon;
using Amazon.DynamoDBv2;
using Amazon.S3;
using Amazon.SimpleSystemsManagement;
using ContinuousImprovement.Aws.A2iRuntime;
using ContinuousImprovement.Aws.EventBridge;
using ContinuousImprovement.Aws.Adapters;
using ContinuousImprovement.Aws.Rekognition;
using ContinuousImprovement.Aws.Runtime;
using ContinuousImprovement.Aws.Sns;
using ContinuousImprovement.Core.Parameters;
using ContinuousImprovement.Handlers;

namespace ContinuousImprovement.Host.Wiring;

/// <summary>The handlers' <see cref="Ports"/> on AWS: each port's AWS adapter, clients built for the function's region.</summary>
public static class AwsPorts
{
    public static Ports Create(AwsSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var region = RegionEndpoint.GetBySystemName(settings.Region);
        var typed = new AwsClientOptions { Region = settings.Region };
        var dynamo = new AmazonDynamoDBClient(new AmazonDynamoDBConfig { RegionEndpoint = region });
        var ports = new Ports(
            new S3ObjectStore(new AmazonS3Client(new AmazonS3Config { RegionEndpoint = region })),
            new SsmParameterStore(new AmazonSimpleSystemsManagementClient(new AmazonSimpleSystemsManagementConfig { RegionEndpoint = region })),
            new RekognitionModelRuntime(new RekognitionClient(typed)),
            new DynamoDbInferenceLog(dynamo, settings.TableName),
            new A2iHumanReview(new A2iRuntimeClient(typed), settings.FlowDefinitionArn),
            new SnsNotifier(new SnsClient(typed), settings.TopicArn),
            new DynamoDbNotificationDigest(dynamo, settings.TableName),
            TimeProvider.System)
        {
            // Only the parameter-apply and training functions call these; building the clients costs no request.
            Schedules = new EventBridgeSchedules(new EventBridgeClient(typed), settings.ScheduleRulePrefix ?? ""),
            Training = new RekognitionModelTraining(new RekognitionClient(typed)),
            Leases = new DynamoDbLeases(dynamo, settings.TableName),
        };
        return settings.ParameterPrefix is null ? ports : ports with { Catalog = ParameterCatalog.Default.WithPrefix(settings.ParameterPrefix) };
    }
}
