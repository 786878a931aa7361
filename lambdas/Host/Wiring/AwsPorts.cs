using Amazon;
using Amazon.DynamoDBv2;
using Amazon.Runtime;
using Amazon.S3;
using Amazon.SimpleSystemsManagement;
using ContinuousImprovement.Aws.A2iRuntime;
using ContinuousImprovement.Aws.EventBridge;
using ContinuousImprovement.Aws.Adapters;
using ContinuousImprovement.Aws.Rekognition;
using ContinuousImprovement.Aws.Runtime;
using ContinuousImprovement.Aws.Sns;
using ContinuousImprovement.Core.Parameters;
using ContinuousImprovement.Core.Settings;
using ContinuousImprovement.Handlers;

namespace ContinuousImprovement.Host.Wiring;

/// <summary>
/// The handlers' <see cref="Ports"/> on AWS: each port's AWS adapter, clients built for the function's region, or for
/// the endpoints the standard <c>AWS_ENDPOINT_URL</c> variables set (see <see cref="AwsSettings"/>).
/// </summary>
public static class AwsPorts
{
    public static Ports Create(AwsSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        AwsClientOptions Typed(AwsService service) => new() { Region = settings.Region, Endpoint = settings.Endpoints.GetValueOrDefault(service.Name) };
        var s3 = InRegion(new AmazonS3Config(), settings);
        // An S3 elsewhere than AWS (s3rver, MinIO, a host name) has no DNS name per bucket: buckets go in the path.
        s3.ForcePathStyle = s3.ServiceURL is not null;
        var dynamo = new AmazonDynamoDBClient(InRegion(new AmazonDynamoDBConfig(), settings));
        var ports = new Ports(
            new S3ObjectStore(new AmazonS3Client(s3)),
            new SsmParameterStore(new AmazonSimpleSystemsManagementClient(InRegion(new AmazonSimpleSystemsManagementConfig(), settings))),
            new RekognitionModelRuntime(new RekognitionClient(Typed(AwsService.Rekognition))),
            new DynamoDbInferenceLog(dynamo, settings.TableName),
            new A2iHumanReview(new A2iRuntimeClient(Typed(AwsService.A2iRuntime)), settings.FlowDefinitionArn),
            new SnsNotifier(new SnsClient(Typed(AwsService.Sns)), settings.TopicArn),
            new DynamoDbNotificationDigest(dynamo, settings.TableName),
            TimeProvider.System)
        {
            // Only the parameter-apply and training functions call these; building the clients costs no request.
            Schedules = new EventBridgeSchedules(new EventBridgeClient(Typed(AwsService.EventBridge)), settings.ScheduleRulePrefix ?? ""),
            Training = new RekognitionModelTraining(new RekognitionClient(Typed(AwsService.Rekognition))),
            Leases = new DynamoDbLeases(dynamo, settings.TableName),
        };
        var catalog = settings.ParameterPrefix is null ? ParameterCatalog.Default : ParameterCatalog.Default.WithPrefix(settings.ParameterPrefix);
        return ports with { Catalog = settings.ReviewBackends is { } backends ? catalog.Limited(ReviewSettings.BackendParameter, backends) : catalog };
    }

    /// <summary>
    /// AWSSDK reads <c>AWS_ENDPOINT_URL_&lt;SERVICE&gt;</c> and <c>AWS_ENDPOINT_URL</c> itself, the first time ServiceURL is
    /// asked for. With such an endpoint it signs for the region it guesses from the URL (us-east-1 for a local or VPC
    /// address), which a regional endpoint refuses: the function's region is set for signing.
    /// </summary>
    private static TConfig InRegion<TConfig>(TConfig config, AwsSettings settings)
        where TConfig : ClientConfig
    {
        config.RegionEndpoint = RegionEndpoint.GetBySystemName(settings.Region);
        if (config.ServiceURL is not null)
        {
            config.AuthenticationRegion = settings.Region;
        }

        return config;
    }
}
