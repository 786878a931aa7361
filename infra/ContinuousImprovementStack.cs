using System.Text.Json;
using System.Text.RegularExpressions;
using Amazon.CDK;
using Amazon.CDK.AWS.DynamoDB;
using Amazon.CDK.AWS.Events;
using Amazon.CDK.AWS.IAM;
using Amazon.CDK.AWS.Lambda;
using Amazon.CDK.AWS.Logs;
using Amazon.CDK.AWS.Rekognition;
using Amazon.CDK.AWS.S3;
using Amazon.CDK.AWS.SNS;
using Amazon.CDK.AWS.SNS.Subscriptions;
using Amazon.CDK.AWS.SSM;
using Amazon.CDK.AWS.StepFunctions;
using ContinuousImprovement.Core.Events;
using ContinuousImprovement.Core.Parameters;
using ContinuousImprovement.Core.Settings;
using ContinuousImprovement.Core.State;
using ContinuousImprovement.Core.Storage;
using ContinuousImprovement.Handlers;
using ContinuousImprovement.Handlers.AuditSampling;
using ContinuousImprovement.Handlers.Training;
using Constructs;
using Attribute = Amazon.CDK.AWS.DynamoDB.Attribute;
using CfnRule = Amazon.CDK.AWS.Events.CfnRule;
using CfnRuleProps = Amazon.CDK.AWS.Events.CfnRuleProps;
using Function = Amazon.CDK.AWS.Lambda.Function;
using FunctionProps = Amazon.CDK.AWS.Lambda.FunctionProps;
using KmsAlias = Amazon.CDK.AWS.KMS.Alias;
using LogGroupProps = Amazon.CDK.AWS.Logs.LogGroupProps;

namespace ContinuousImprovement.Infra;

/// <summary>
/// Everything the product needs on AWS, in one stack: the bucket and its prefixes, the operator parameters from the
/// catalog, the inference log, the notification topic, the Rekognition project, Amazon A2I (task UI, flow definition,
/// optionally the work team and its user pool), one function per handler (the same Native AOT bootstrap, chosen by its
/// handler name), the five workflows from <c>statemachine/*.asl.json</c>, and the EventBridge rules and schedules that
/// start them, all taken from the definitions the handlers and the twin use.
/// </summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Naming", "CA1711", Justification = "CDK names stacks for what they are.")]
public sealed partial class ContinuousImprovementStack : Stack
{
    /// <summary>The worker template A2I shows reviewers; the twin's portal renders the same file.</summary>
    public const string WorkerTemplateFile = "assets/a2i/worker-template.liquid.html";

    private static readonly RetentionDays LogRetention = RetentionDays.THREE_MONTHS;

    private readonly Dictionary<ProductWorkflow, Role> startRoles = [];

    public ContinuousImprovementStack(Construct scope, string id, StackSettings settings, IStackProps? props = null)
        : base(scope, id, props)
    {
        ArgumentNullException.ThrowIfNull(settings);
        settings.Validate();
        Settings = settings;
        var catalog = ParameterCatalog.Default.WithPrefix(settings.ParameterPrefix).Limited(ReviewSettings.BackendParameter, DeployedReviewBackends);

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

            // The A2I worker page loads the image through a presigned URL from its own origin.
            Cors =
            [
                new CorsRule
                {
                    AllowedMethods = [HttpMethods.GET],
                    AllowedOrigins = [$"https://*.labeling.{Aws.REGION}.sagemaker.aws"],
                    AllowedHeaders = [],
                    ExposedHeaders = ["Access-Control-Allow-Origin"],
                },
            ],
        });

        InferenceLog = new Table(this, "InferenceLog", new TableProps
        {
            PartitionKey = new Attribute { Name = TableLayout.PartitionKey, Type = AttributeType.STRING },
            SortKey = new Attribute { Name = TableLayout.SortKey, Type = AttributeType.STRING },
            BillingMode = BillingMode.PAY_PER_REQUEST,
            PointInTimeRecovery = true,
            Stream = StreamViewType.NEW_AND_OLD_IMAGES,
            Encryption = TableEncryption.AWS_MANAGED,
            RemovalPolicy = RemovalPolicy.RETAIN,
        });
        InferenceLog.AddGlobalSecondaryIndex(new GlobalSecondaryIndexProps
        {
            IndexName = TableLayout.LabeledByModelIndex,
            PartitionKey = new Attribute { Name = TableLayout.LabeledModel, Type = AttributeType.STRING },
            ProjectionType = ProjectionType.INCLUDE,
            NonKeyAttributes = [.. TableLayout.LabeledByModelProjection],
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
        CreateParameters(catalog);

        Review = new HumanReview(this, "HumanReview", new HumanReviewProps(
            settings.Review, Bucket, Path.Combine(settings.RepositoryRoot, WorkerTemplateFile), NameBase(settings.RulePrefix), LogRetention));
        Triggers = WorkflowTriggers.For(Bucket.BucketName, catalog.Prefix, Review.FlowDefinitionArn);

        var permissions = new HandlerPermissions(new PermissionTargets(
            this, Bucket, InferenceLog, Topic, catalog, Project, Review.FlowDefinitionArn, [.. Triggers.Schedules.Select(s => settings.RulePrefix + s.ScheduleName)]));
        CreateFunctions(settings, catalog, permissions);
        foreach (var workflow in DeployedWorkflow.All)
        {
            StateMachines[workflow.Workflow] = CreateWorkflow(workflow, settings.RepositoryRoot);
        }

        CreateRules(settings, catalog);
        KeepBucketNotificationLogs();
        CreateOutputs(catalog);
    }

    public StackSettings Settings { get; }

    public Bucket Bucket { get; }

    public Table InferenceLog { get; }

    public Topic Topic { get; }

    public CfnProject Project { get; }

    /// <summary>The A2I resources (or the account's flow definition) human loops start with.</summary>
    internal HumanReview Review { get; }

    /// <summary>The rules and schedules the stack deploys, as Core defines them for this bucket and flow definition.</summary>
    public WorkflowTriggers Triggers { get; }

    /// <summary>The function of each handler, by handler name.</summary>
    public Dictionary<string, Function> Functions { get; } = new(StringComparer.Ordinal);

    public Dictionary<ProductWorkflow, StateMachine> StateMachines { get; } = [];

    /// <summary>The <c>${Name}</c> placeholders of a definition, in order of first use.</summary>
    public static IReadOnlyList<string> Placeholders(string definition) =>
        [.. PlaceholderPattern().Matches(definition).Select(m => m.Groups[1].Value).Distinct(StringComparer.Ordinal)];

    /// <summary>
    /// The review backends this stack deploys: A2I only, until the review portal is deployable to AWS. Review-Backend is
    /// limited to them (its parameter starts at <c>a2i</c>, and the functions refuse <c>portal</c> with the reason).
    /// </summary>
    public static IReadOnlyList<string> DeployedReviewBackends { get; } = ["a2i"];

    private void CreateParameters(ParameterCatalog catalog)
    {
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
    }

    private void CreateFunctions(StackSettings settings, ParameterCatalog catalog, HandlerPermissions permissions)
    {
        // Every variable the host reads (HostEnvironment is the one list both sides use).
        var environment = new Dictionary<string, string>
        {
            [HostEnvironment.Bucket] = Bucket.BucketName,
            [HostEnvironment.ParameterPrefix] = catalog.Prefix,
            [HostEnvironment.InferenceLogTable] = InferenceLog.TableName,
            [HostEnvironment.TopicArn] = Topic.TopicArn,
            [HostEnvironment.ProjectArn] = Project.AttrArn,
            [HostEnvironment.FlowDefinitionArn] = Review.FlowDefinitionArn,
            [HostEnvironment.ScheduleRulePrefix] = settings.RulePrefix,
            [HostEnvironment.ReviewBackends] = string.Join(",", DeployedReviewBackends),
        };
        var code = Code.FromAsset(settings.BootstrapFolder, new Amazon.CDK.AWS.S3.Assets.AssetOptions { Exclude = ["*.dbg"] });
        foreach (var handler in DeployedWorkflow.Handlers)
        {
            var id = FunctionId(handler);
            var logs = new LogGroup(this, id + "Logs", new LogGroupProps { Retention = LogRetention, RemovalPolicy = RemovalPolicy.DESTROY });

            // A role of its own with nothing but its handler's needs: no managed policy, logs only to its own group.
            var role = new Role(this, id + "Role", new RoleProps
            {
                AssumedBy = new ServicePrincipal("lambda.amazonaws.com"),
                Description = $"The {handler} handler: only what it calls.",
            });
            logs.GrantWrite(role);
            permissions.Grant(handler, role);
            Functions[handler] = new Function(this, id, new FunctionProps
            {
                Description = $"ContinuousImprovement handler {handler}",
                Runtime = Runtime.PROVIDED_AL2023,
                Architecture = Architecture.X86_64,
                Handler = handler,
                Code = code,
                Role = role,
                MemorySize = 512,
                Timeout = TimeoutOf(handler),
                LoggingFormat = LoggingFormat.JSON,
                Environment = environment,
                LogGroup = logs,
            });
        }
    }

    // Scoring the serving model calls DetectCustomLabels once per test image (up to 1,000): Lambda's longest timeout.
    // Marking a digest sent deletes its notifications 25 per call.
    private static Duration TimeoutOf(string handler) => handler switch
    {
        TrainingWorkflow.ScoreServing => Duration.Minutes(15),
        Handlers.OperationsDigest.OperationsDigestWorkflow.MarkSent => Duration.Minutes(5),
        _ => Duration.Seconds(60),
    };

    /// <summary>A state machine from its definition file, each placeholder filled with its handler's function ARN.</summary>
    private StateMachine CreateWorkflow(DeployedWorkflow workflow, string repositoryRoot)
    {
        var definition = File.ReadAllText(Path.Combine(repositoryRoot, workflow.DefinitionFile));
        var placeholders = Placeholders(definition);
        var unfilled = placeholders.Except(workflow.Functions.Keys, StringComparer.Ordinal).ToList();
        var unused = workflow.Functions.Keys.Except(placeholders, StringComparer.Ordinal).ToList();
        if (unfilled.Count > 0 || unused.Count > 0)
        {
            throw new InvalidOperationException($"{workflow.DefinitionFile} and the {workflow.Id} workflow's Functions disagree: "
                + $"placeholders without a function: [{string.Join(", ", unfilled)}]; functions without a placeholder: [{string.Join(", ", unused)}].");
        }

        var express = workflow.Type == StateMachineType.EXPRESS;
        var machine = new StateMachine(this, workflow.Id, new StateMachineProps
        {
            // Inline rather than an S3 asset: the template shows the exact definition the twin runs.
            DefinitionBody = DefinitionBody.FromString(definition),
            DefinitionSubstitutions = workflow.Functions.ToDictionary(f => f.Key, f => Functions[f.Value].FunctionArn),
            StateMachineType = workflow.Type,
            TracingEnabled = true,
            Logs = new LogOptions
            {
                Destination = new LogGroup(this, workflow.Id + "Logs", new LogGroupProps { Retention = LogRetention, RemovalPolicy = RemovalPolicy.DESTROY }),

                // Express keeps no execution history, so its log is the history; Standard logs its failures.
                Level = express ? LogLevel.ALL : LogLevel.ERROR,
                IncludeExecutionData = true,
            },
        });
        foreach (var handler in workflow.Functions.Values.Distinct(StringComparer.Ordinal))
        {
            Functions[handler].GrantInvoke(machine);
        }

        return machine;
    }

    private void CreateRules(StackSettings settings, ParameterCatalog catalog)
    {
        foreach (var trigger in Triggers.Events)
        {
            _ = new CfnRule(this, trigger.RuleName, new CfnRuleProps
            {
                Name = settings.RulePrefix + trigger.RuleName,
                Description = trigger.Description,
                EventPattern = PatternObjects.From(trigger.PatternJson),
                State = "ENABLED",
                Targets = new object[] { Target(trigger.Workflow, null) },
            });
        }

        // Created as the catalog defaults say; afterwards the parameter-apply workflow re-times and switches them.
        var defaults = OperatorSettings.Defaults(catalog);
        foreach (var schedule in Triggers.Schedules)
        {
            var (enabled, every) = schedule.Workflow switch
            {
                ProductWorkflow.Training => (defaults.Training.Enabled, defaults.Training.PollEvery),
                ProductWorkflow.AuditSampling => (defaults.Audit.Enabled, defaults.Audit.RunEvery),
                ProductWorkflow.OperationsDigest => (true, TimeSpan.FromMinutes(double.Parse(catalog["Notification-Digest-Frequency"].Default, System.Globalization.CultureInfo.InvariantCulture))),
                _ => throw new InvalidOperationException($"The {schedule.ScheduleName} schedule starts {schedule.Workflow}, for which the stack knows no initial setting."),
            };
            _ = new CfnRule(this, Pascal(schedule.ScheduleName) + "Schedule", new CfnRuleProps
            {
                Name = settings.RulePrefix + schedule.ScheduleName,
                Description = schedule.Description,
                ScheduleExpression = Schedule.Rate(Duration.Minutes(every.TotalMinutes)).ExpressionString,
                State = enabled ? "ENABLED" : "DISABLED",
                Targets = new object[] { Target(schedule.Workflow, ScheduleInput(schedule.Workflow)) },
            });
        }
    }

    private CfnRule.TargetProperty Target(ProductWorkflow workflow, string? input)
    {
        var machine = StateMachines[workflow];
        if (!startRoles.TryGetValue(workflow, out var role))
        {
            role = new Role(this, DeployedWorkflow.Of(workflow).Id + "StartRole", new RoleProps
            {
                AssumedBy = new ServicePrincipal("events.amazonaws.com"),
                Description = $"EventBridge starts the {DeployedWorkflow.Of(workflow).Id} workflow, and nothing else.",
            });
            machine.GrantStartExecution(role);
            startRoles[workflow] = role;
        }

        return new CfnRule.TargetProperty { Id = "Workflow", Arn = machine.StateMachineArn, RoleArn = role.RoleArn, Input = input };
    }

    /// <summary>The execution input each scheduled workflow reads (TrainingInput, AuditInput), named as their JSON reads them.</summary>
    private string ScheduleInput(ProductWorkflow workflow) => workflow switch
    {
        ProductWorkflow.Training => ToJsonString(new Dictionary<string, object>
        {
            [Camel(nameof(TrainingInput.Bucket))] = Bucket.BucketName,
            [Camel(nameof(TrainingInput.ProjectArn))] = Project.AttrArn,
        }),
        ProductWorkflow.AuditSampling => ToJsonString(new Dictionary<string, object> { [Camel(nameof(AuditInput.Bucket))] = Bucket.BucketName }),
        ProductWorkflow.OperationsDigest => ToJsonString(new Dictionary<string, object> { [Camel(nameof(Handlers.OperationsDigest.OperationsInput.Bucket))] = Bucket.BucketName }),
        _ => throw new InvalidOperationException($"No schedule input is defined for {workflow}."),
    };

    /// <summary>
    /// CDK's own function that turns on the bucket's EventBridge delivery logs to a group Lambda creates without
    /// retention; it logs to one of the stack's groups instead.
    /// </summary>
    private void KeepBucketNotificationLogs()
    {
        foreach (var handler in Node.Children.OfType<Construct>().Where(c => c.Node.Id.StartsWith("BucketNotificationsHandler", StringComparison.Ordinal)).ToList())
        {
            var function = handler.Node.DefaultChild as CfnResource
                ?? throw new InvalidOperationException($"CDK's {handler.Node.Id} has no function resource to give a log group.");
            var logs = new LogGroup(this, "BucketNotificationsLogs", new LogGroupProps { Retention = LogRetention, RemovalPolicy = RemovalPolicy.DESTROY });
            function.AddPropertyOverride("LoggingConfig.LogGroup", logs.LogGroupName);
        }
    }

    private void CreateOutputs(ParameterCatalog catalog)
    {
        Output("BucketName", Bucket.BucketName, "Upload images to s3://<bucket>/images_for_detection/.");
        Output("TopicArn", Topic.TopicArn, "Subscribe to hear about reviews, trainings, deploys and errors.");
        Output("ParameterPrefix", catalog.Prefix, "Operator parameters live here in Parameter Store.");
        Output("ProjectArn", Project.AttrArn, "The Rekognition Custom Labels project.");
        Output("FlowDefinitionArn", Review.FlowDefinitionArn, "The A2I flow definition every human loop starts with.");
        Output("ScheduleRules", string.Join(", ", Triggers.Schedules.Select(s => Settings.RulePrefix + s.ScheduleName)), "The schedule rules Enable-/…-Frequency parameters re-time.");
        Output("TrainingStateMachineArn", StateMachines[ProductWorkflow.Training].StateMachineArn, "Start it with the schedule's input plus \"retry\": true to train an unchanged labeled set again.");
        if (Review.WorkteamArn is { } workteam)
        {
            Output("WorkteamArn", workteam, "The private work team that reviews.");
        }

        if (Review.PortalUrl is { } portal)
        {
            Output("ReviewerPortalUrl", portal, "Reviewers sign in here to work on their tasks.");
        }

        if (Review.UserPool is { } pool)
        {
            Output("ReviewerUserPoolId", pool.UserPoolId, "Add reviewers to this Cognito user pool and its reviewers group.");
        }
    }

    private void Output(string id, string value, string description) =>
        _ = new CfnOutput(this, id, new CfnOutputProps { Value = value, Description = description });

    private static string Camel(string name) => JsonNamingPolicy.CamelCase.ConvertName(name);

    private static string Pascal(string name) => string.Concat(name.Split('-').Select(part => char.ToUpperInvariant(part[0]) + part[1..]));

    private static string FunctionId(string handler) => Pascal(handler) + "Function";

    /// <summary>The lowercase name A2I resources start with (<c>ContinuousImprovement-</c> → <c>continuousimprovement</c>).</summary>
    private static string NameBase(string rulePrefix)
    {
        var name = new string([.. rulePrefix.ToLowerInvariant().Select(c => char.IsAsciiLetterOrDigit(c) ? c : '-')]).Trim('-');
        return name.Length <= 30 ? name : name[..30].TrimEnd('-');
    }

    private static string Truncated(string text) => text.Length <= 1024 ? text : text[..1021] + "...";

    [GeneratedRegex(@"\$\{([^}]+)\}")]
    private static partial Regex PlaceholderPattern();
}
