using Amazon.CDK;
using Amazon.CDK.AWS.DynamoDB;
using Amazon.CDK.AWS.Events;
using Amazon.CDK.AWS.Events.Targets;
using Amazon.CDK.AWS.IAM;
using Amazon.CDK.AWS.Lambda;
using Amazon.CDK.AWS.Logs;
using Amazon.CDK.AWS.Rekognition;
using Amazon.CDK.AWS.S3;
using Amazon.CDK.AWS.SNS;
using Amazon.CDK.AWS.SNS.Subscriptions;
using Amazon.CDK.AWS.SSM;
using Amazon.CDK.AWS.StepFunctions;
using ContinuousImprovement.Core.Parameters;
using ContinuousImprovement.Core.State;
using ContinuousImprovement.Core.Storage;
using ContinuousImprovement.Handlers;
using ContinuousImprovement.Handlers.Detection;
using Constructs;
using Attribute = Amazon.CDK.AWS.DynamoDB.Attribute;
using Function = Amazon.CDK.AWS.Lambda.Function;
using FunctionProps = Amazon.CDK.AWS.Lambda.FunctionProps;
using KmsAlias = Amazon.CDK.AWS.KMS.Alias;
using LogGroupProps = Amazon.CDK.AWS.Logs.LogGroupProps;

namespace ContinuousImprovement.Infra;

/// <summary>
/// Everything the product needs on AWS, in one stack: the bucket and its prefixes, the operator parameters
/// from the catalog, the inference log, the notification topic, one function per handler (the same Native
/// AOT bootstrap, chosen by its handler name), and the workflows from <c>statemachine/*.asl.json</c>.
/// </summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Naming", "CA1711", Justification = "CDK names stacks for what they are.")]
public sealed class ContinuousImprovementStack : Stack
{
    private static readonly RetentionDays LogRetention = RetentionDays.THREE_MONTHS;

    public ContinuousImprovementStack(Construct scope, string id, StackSettings settings, IStackProps? props = null)
        : base(scope, id, props)
    {
        ArgumentNullException.ThrowIfNull(settings);
        CheckBootstrap(settings.BootstrapFolder);
        var catalog = ParameterCatalog.Default.WithPrefix(settings.ParameterPrefix);

        Bucket = new Bucket(this, "Bucket", new BucketProps
        {
            Encryption = BucketEncryption.S3_MANAGED,
            EnforceSSL = true,
            BlockPublicAccess = BlockPublicAccess.BLOCK_ALL,
            Versioned = true,
            EventBridgeEnabled = true,
            RemovalPolicy = RemovalPolicy.RETAIN,
            LifecycleRules =
            [
                // Review output is filed into the labeled folders; the raw JSON is only needed for a while.
                new LifecycleRule { Id = "ExpireReviewOutput", Prefix = BucketLayout.ReviewOutput, Expiration = Duration.Days(90) },
            ],
        });

        InferenceLog = new Table(this, "InferenceLog", new TableProps
        {
            PartitionKey = new Attribute { Name = "pk", Type = AttributeType.STRING },
            SortKey = new Attribute { Name = "sk", Type = AttributeType.STRING },
            BillingMode = BillingMode.PAY_PER_REQUEST,
            PointInTimeRecovery = true,
            Stream = StreamViewType.NEW_AND_OLD_IMAGES,
            Encryption = TableEncryption.AWS_MANAGED,
            RemovalPolicy = RemovalPolicy.RETAIN,
        });

        Topic = new Topic(this, "Notifications", new TopicProps
        {
            DisplayName = "ContinuousImprovement",
            MasterKey = KmsAlias.FromAliasName(this, "SnsKey", "alias/aws/sns"),
        });
        if (!string.IsNullOrWhiteSpace(settings.NotificationEmail))
        {
            Topic.AddSubscription(new EmailSubscription(settings.NotificationEmail));
        }

        Project = new CfnProject(this, "Project", new CfnProjectProps { ProjectName = "ContinuousImprovement" });

        foreach (var parameter in catalog.Parameters)
        {
            _ = new StringParameter(this, "Parameter" + parameter.Name.Replace("-", "", StringComparison.Ordinal), new StringParameterProps
            {
                ParameterName = catalog.FullName(parameter.Name),
                StringValue = parameter.Default,
                Description = Truncated(parameter.Description),
            });
        }

        _ = new StringParameter(this, "SystemState", new StringParameterProps
        {
            ParameterName = catalog.FullName(catalog.SystemParameter.Name),
            StringValue = SystemStateDocument.Serialize(SystemState.Initial),
            Description = Truncated(catalog.SystemParameter.Description),
            Tier = ParameterTier.ADVANCED,
        });

        var environment = new Dictionary<string, string>
        {
            [HostEnvironment.Bucket] = Bucket.BucketName,
            [HostEnvironment.ParameterPrefix] = catalog.Prefix,
            [HostEnvironment.InferenceLogTable] = InferenceLog.TableName,
            [HostEnvironment.TopicArn] = Topic.TopicArn,
            [HostEnvironment.ProjectArn] = Project.AttrArn,
            [HostEnvironment.FlowDefinitionArn] = settings.FlowDefinitionArn,
        };
        var code = Code.FromAsset(settings.BootstrapFolder, new Amazon.CDK.AWS.S3.Assets.AssetOptions { Exclude = ["*.dbg"] });
        var permissions = new HandlerPermissions(this, Bucket, InferenceLog, Topic, catalog);
        foreach (var (placeholder, handler) in DetectionWorkflow.Functions)
        {
            var function = new Function(this, FunctionId(handler), new FunctionProps
            {
                Runtime = Runtime.PROVIDED_AL2023,
                Architecture = Architecture.X86_64,
                Handler = handler,
                Code = code,
                MemorySize = 512,
                Timeout = Duration.Seconds(60),
                LoggingFormat = LoggingFormat.JSON,
                Environment = environment,
                LogGroup = new LogGroup(this, FunctionId(handler) + "Logs", new LogGroupProps { Retention = LogRetention, RemovalPolicy = RemovalPolicy.DESTROY }),
            });
            permissions.Grant(handler, function);
            Functions[placeholder] = function;
        }

        Detection = Workflow("Detection", Path.Combine(settings.RepositoryRoot, DetectionWorkflow.DefinitionFile), StateMachineType.EXPRESS);
        var uploads = new Rule(this, "UploadsStartDetection", new RuleProps
        {
            Description = "A new object under images_for_detection/ starts the detection workflow.",
            EventPattern = new EventPattern
            {
                Source = ["aws.s3"],
                DetailType = ["Object Created"],
                Detail = new Dictionary<string, object>
                {
                    ["bucket"] = new Dictionary<string, object> { ["name"] = new[] { Bucket.BucketName } },
                    ["object"] = new Dictionary<string, object> { ["key"] = new object[] { new Dictionary<string, object> { ["prefix"] = BucketLayout.ImagesForDetection } } },
                },
            },
        });
        uploads.AddTarget(new SfnStateMachine(Detection));

        _ = new CfnOutput(this, "BucketName", new CfnOutputProps { Value = Bucket.BucketName, Description = "Upload images to s3://<bucket>/images_for_detection/." });
        _ = new CfnOutput(this, "TopicArn", new CfnOutputProps { Value = Topic.TopicArn, Description = "Subscribe to hear about reviews, trainings, deploys and errors." });
        _ = new CfnOutput(this, "ParameterPrefix", new CfnOutputProps { Value = catalog.Prefix, Description = "Operator parameters live here in Parameter Store." });
        _ = new CfnOutput(this, "ProjectArn", new CfnOutputProps { Value = Project.AttrArn, Description = "The Rekognition Custom Labels project." });
    }

    public Bucket Bucket { get; }

    public Table InferenceLog { get; }

    public Topic Topic { get; }

    public CfnProject Project { get; }

    public Dictionary<string, Function> Functions { get; } = new(StringComparer.Ordinal);

    public StateMachine Detection { get; }

    /// <summary>A state machine from its definition file, its Task placeholders filled with the functions' ARNs.</summary>
    private StateMachine Workflow(string id, string definitionFile, StateMachineType type)
    {
        var definition = File.ReadAllText(definitionFile);
        var used = Functions.Where(f => definition.Contains("${" + f.Key + "}", StringComparison.Ordinal)).ToList();
        var machine = new StateMachine(this, id, new StateMachineProps
        {
            // Inline rather than an S3 asset: the template shows the exact definition the twin runs.
            DefinitionBody = DefinitionBody.FromString(definition),
            DefinitionSubstitutions = used.ToDictionary(f => f.Key, f => f.Value.FunctionArn),
            StateMachineType = type,
            TracingEnabled = true,
            Logs = new LogOptions
            {
                Destination = new LogGroup(this, id + "Logs", new LogGroupProps { Retention = LogRetention, RemovalPolicy = RemovalPolicy.DESTROY }),
                Level = LogLevel.ALL,
                IncludeExecutionData = true,
            },
        });
        foreach (var (_, function) in used)
        {
            function.GrantInvoke(machine);
        }

        return machine;
    }

    private static string FunctionId(string handler) =>
        string.Concat(handler.Split('-').Select(part => char.ToUpperInvariant(part[0]) + part[1..])) + "Function";

    private static string Truncated(string text) => text.Length <= 1024 ? text : text[..1021] + "...";

    private static void CheckBootstrap(string folder)
    {
        if (!File.Exists(Path.Combine(folder, "bootstrap")))
        {
            throw new InvalidOperationException(
                $"No Lambda bootstrap in {folder}. Publish it first: dotnet publish lambdas/Host -c Release -r linux-x64 -o lambdas/Host/bin/aot (see README, Deploy).");
        }
    }
}
