using System.Security.Cryptography;
using System.Text;
using Amazon.CDK;
using Amazon.CDK.AWS.Cognito;
using Amazon.CDK.AWS.IAM;
using Amazon.CDK.AWS.Logs;
using Amazon.CDK.AWS.Sagemaker;
using Amazon.CDK.CustomResources;
using ContinuousImprovement.Core.Storage;
using Constructs;
using LogGroupProps = Amazon.CDK.AWS.Logs.LogGroupProps;

namespace ContinuousImprovement.Infra;

/// <summary>
/// Amazon A2I for the stack, as the operator chose (<see cref="A2iSetup"/>): the human task UI from the worker
/// template, the flow definition writing reviewers' answers to <c>s3://bucket/review_output/</c>, the role A2I works
/// with, and optionally a private work team with its Cognito user pool. CloudFormation has no type for the task UI and
/// the flow definition, so custom resources call SageMaker for them.
/// </summary>
/// <remarks>
/// Neither can be updated in place, so their names carry a hash of what defines them: a changed template creates a new
/// UI and flow definition under new names, CloudFormation then deletes the old ones.
/// </remarks>
internal sealed class HumanReview : Construct
{
    public const string TaskTitle = "Which label fits this image?";
    public const string TaskDescription = "Pick the one label that fits the image; the model was unsure of it.";

    /// <summary>How long a task waits for a reviewer (A2I's default for private teams, 10 days).</summary>
    public const int TaskAvailabilitySeconds = 10 * 24 * 3600;

    /// <summary>How long one reviewer may keep a task open.</summary>
    public const int TaskTimeLimitSeconds = 3600;

    private readonly HumanReviewProps props;
    private Role? setupRole;
    private LogGroup? setupLogs;

    public HumanReview(Construct scope, string id, HumanReviewProps props)
        : base(scope, id)
    {
        ArgumentNullException.ThrowIfNull(props);
        this.props = props;
        var mode = props.Setup.Mode();
        if (mode == A2iMode.ExistingFlowDefinition)
        {
            FlowDefinitionArn = props.Setup.FlowDefinitionArn!;
            return;
        }

        string workteamName;
        if (mode == A2iMode.ExistingWorkteam)
        {
            WorkteamArn = props.Setup.WorkteamArn!;
            workteamName = WorkteamArn[(WorkteamArn.LastIndexOf('/') + 1)..];
        }
        else
        {
            var workteam = CreateWorkteam(mode);
            workteamName = workteam.AttrWorkteamName;
            WorkteamArn = Stack.Of(this).FormatArn(new ArnComponents { Service = "sagemaker", Resource = "workteam", ResourceName = "private-crowd/" + workteamName, ArnFormat = ArnFormat.SLASH_RESOURCE_NAME });
        }

        A2iRole = new Role(this, "A2iRole", new RoleProps
        {
            AssumedBy = new ServicePrincipal("sagemaker.amazonaws.com"),
            Description = "Amazon A2I shows reviewers the uploaded image and writes their answers to review_output/.",
        });
        A2iRole.AddToPolicy(new PolicyStatement(new PolicyStatementProps { Actions = ["s3:GetObject"], Resources = [props.Bucket.ArnForObjects(BucketLayout.ImagesForDetection + "*")] }));
        A2iRole.AddToPolicy(new PolicyStatement(new PolicyStatementProps { Actions = ["s3:PutObject"], Resources = [props.Bucket.ArnForObjects(BucketLayout.ReviewOutput + "*")] }));

        var template = File.ReadAllText(props.TemplateFile);
        var taskUi = CreateTaskUi(template);
        FlowDefinitionArn = CreateFlowDefinition(template, taskUi.GetResponseField("HumanTaskUiArn"), mode == A2iMode.ExistingWorkteam ? WorkteamArn : "created:" + mode);
        PortalUrl = "https://" + DescribePortal(workteamName, WorkteamArn).GetResponseField("Workteam.SubDomain");
    }

    /// <summary>The flow definition every human loop starts with (created here, or the account's own).</summary>
    public string FlowDefinitionArn { get; }

    /// <summary>The private work team reviewing, when the stack knows it.</summary>
    public string? WorkteamArn { get; }

    /// <summary>Where reviewers sign in (the work team's labeling portal), when the stack knows the team.</summary>
    public string? PortalUrl { get; }

    /// <summary>The role A2I assumes, when the stack creates the flow definition.</summary>
    public Role? A2iRole { get; }

    /// <summary>The reviewers' user pool, when the stack creates one.</summary>
    public UserPool? UserPool { get; private set; }

    private CfnWorkteam CreateWorkteam(A2iMode mode)
    {
        string poolId, clientId;
        IDependable? domain = null;
        if (mode == A2iMode.NewWorkteamAndUserPool)
        {
            // Kept on teardown: the region's workforce stays bound to this pool (see README, Tear down).
            UserPool = new UserPool(this, "Reviewers", new UserPoolProps
            {
                UserPoolName = props.NameBase + "-reviewers",
                SelfSignUpEnabled = false,
                SignInAliases = new SignInAliases { Email = true },
                AutoVerify = new AutoVerifiedAttrs { Email = true },
                AccountRecovery = AccountRecovery.EMAIL_ONLY,
                Mfa = Mfa.OPTIONAL,
                MfaSecondFactor = new MfaSecondFactor { Otp = true, Sms = false },
                PasswordPolicy = new PasswordPolicy { MinLength = 12, RequireDigits = true, RequireLowercase = true, RequireUppercase = true, RequireSymbols = false },
                RemovalPolicy = RemovalPolicy.RETAIN,
            });

            // The labeling portal signs reviewers in through the pool's hosted UI; SageMaker sets the client's callback URLs.
            domain = UserPool.AddDomain("Domain", new UserPoolDomainOptions
            {
                CognitoDomain = new CognitoDomainOptions { DomainPrefix = Fn.Join("-", [props.NameBase, Stack.Of(this).Account]) },
            });
            var client = UserPool.AddClient("PortalClient", new UserPoolClientOptions
            {
                GenerateSecret = true,
                PreventUserExistenceErrors = true,
                SupportedIdentityProviders = [UserPoolClientIdentityProvider.COGNITO],
                OAuth = new OAuthSettings
                {
                    Flows = new OAuthFlows { AuthorizationCodeGrant = true, ImplicitCodeGrant = true },
                    Scopes = [OAuthScope.EMAIL, OAuthScope.OPENID, OAuthScope.PROFILE],
                },
            });
            poolId = UserPool.UserPoolId;
            clientId = client.UserPoolClientId;
        }
        else
        {
            poolId = props.Setup.WorkforceUserPoolId!;
            clientId = props.Setup.WorkforceClientId!;
        }

        var group = new CfnUserPoolGroup(this, "ReviewersGroup", new CfnUserPoolGroupProps
        {
            UserPoolId = poolId,
            GroupName = props.NameBase + "-reviewers",
            Description = "Reviewers of ContinuousImprovement's uncertain images (the A2I private work team).",
        });
        var workteam = new CfnWorkteam(this, "Workteam", new CfnWorkteamProps
        {
            WorkteamName = props.NameBase + "-reviewers",
            Description = "Reviewers of ContinuousImprovement's uncertain images.",
            MemberDefinitions = new object[]
            {
                new CfnWorkteam.MemberDefinitionProperty
                {
                    CognitoMemberDefinition = new CfnWorkteam.CognitoMemberDefinitionProperty { CognitoUserPool = poolId, CognitoClientId = clientId, CognitoUserGroup = group.Ref },
                },
            },
        });
        if (domain is not null)
        {
            workteam.Node.AddDependency(domain);
        }

        return workteam;
    }

    private AwsCustomResource CreateTaskUi(string template)
    {
        var name = $"{props.NameBase}-ui-{Hash(template)}";
        var create = new AwsSdkCall
        {
            Service = "SageMaker",
            Action = "createHumanTaskUi",
            Parameters = new Dictionary<string, object> { ["HumanTaskUiName"] = name, ["UiTemplate"] = new Dictionary<string, object> { ["Content"] = template } },
            PhysicalResourceId = PhysicalResourceId.FromResponse("HumanTaskUiArn"),
        };
        return Setup("TaskUi", "Custom::A2iHumanTaskUi", create, new AwsSdkCall
        {
            Service = "SageMaker",
            Action = "deleteHumanTaskUi",
            Parameters = new Dictionary<string, object> { ["HumanTaskUiName"] = name },
        }, [
            Allow(["sagemaker:CreateHumanTaskUi", "sagemaker:DeleteHumanTaskUi"], [SageMakerArn("human-task-ui", props.NameBase + "-ui-*")]),
        ]);
    }

    private string CreateFlowDefinition(string template, string taskUiArn, string workteamKey)
    {
        // The name changes with anything that cannot be updated in place: the template (a new UI) and the team.
        var name = $"{props.NameBase}-review-{Hash(template + "\n" + workteamKey + "\n" + TaskTitle + TaskDescription + TaskAvailabilitySeconds + TaskTimeLimitSeconds)}";
        var create = new AwsSdkCall
        {
            Service = "SageMaker",
            Action = "createFlowDefinition",
            Parameters = new Dictionary<string, object>
            {
                ["FlowDefinitionName"] = name,
                ["HumanLoopConfig"] = new Dictionary<string, object>
                {
                    ["WorkteamArn"] = WorkteamArn!,
                    ["HumanTaskUiArn"] = taskUiArn,
                    ["TaskTitle"] = TaskTitle,
                    ["TaskDescription"] = TaskDescription,
                    ["TaskCount"] = 1,
                    ["TaskAvailabilityLifetimeInSeconds"] = TaskAvailabilitySeconds,
                    ["TaskTimeLimitInSeconds"] = TaskTimeLimitSeconds,
                },
                ["OutputConfig"] = new Dictionary<string, object> { ["S3OutputPath"] = $"s3://{props.Bucket.BucketName}/{BucketLayout.ReviewOutput}" },
                ["RoleArn"] = A2iRole!.RoleArn,
            },
            PhysicalResourceId = PhysicalResourceId.FromResponse("FlowDefinitionArn"),
        };
        var flow = Setup("FlowDefinition", "Custom::A2iFlowDefinition", create, new AwsSdkCall
        {
            Service = "SageMaker",
            Action = "deleteFlowDefinition",
            Parameters = new Dictionary<string, object> { ["FlowDefinitionName"] = name },
        }, [
            Allow(["sagemaker:CreateFlowDefinition", "sagemaker:DeleteFlowDefinition"], [SageMakerArn("flow-definition", props.NameBase + "-review-*")]),
            new PolicyStatement(new PolicyStatementProps
            {
                Actions = ["iam:PassRole"],
                Resources = [A2iRole.RoleArn],
                Conditions = new Dictionary<string, object> { ["StringEquals"] = new Dictionary<string, object> { ["iam:PassedToService"] = "sagemaker.amazonaws.com" } },
            }),
        ]);

        // A2I checks the role when the flow definition is created: its permissions must be in place by then.
        flow.Node.AddDependency(A2iRole);
        return flow.GetResponseField("FlowDefinitionArn");
    }

    private AwsCustomResource DescribePortal(string workteamName, string workteamArn)
    {
        var describe = new AwsSdkCall
        {
            Service = "SageMaker",
            Action = "describeWorkteam",
            Parameters = new Dictionary<string, object> { ["WorkteamName"] = workteamName },
            PhysicalResourceId = PhysicalResourceId.Of(workteamName),
            OutputPaths = ["Workteam.SubDomain"],
        };
        return Setup("Portal", "Custom::A2iWorkteamPortal", describe, null, [Allow(["sagemaker:DescribeWorkteam"], [workteamArn])]);
    }

    /// <summary>
    /// A custom resource on CDK's one provider function; every one of them gets its own statements, and the function
    /// (created with the first) gets a role of its own and a log group with retention instead of CDK's defaults.
    /// </summary>
    private AwsCustomResource Setup(string id, string resourceType, AwsSdkCall createAndUpdate, AwsSdkCall? delete, PolicyStatement[] statements)
    {
        setupLogs ??= new LogGroup(this, "SetupLogs", new LogGroupProps { Retention = props.LogRetention, RemovalPolicy = RemovalPolicy.DESTROY });
        if (setupRole is null)
        {
            setupRole = new Role(this, "SetupRole", new RoleProps
            {
                AssumedBy = new ServicePrincipal("lambda.amazonaws.com"),
                Description = "Creates and deletes the A2I task UI and flow definition for CloudFormation.",
            });
            setupLogs.GrantWrite(setupRole);
        }

        return new AwsCustomResource(this, id, new AwsCustomResourceProps
        {
            ResourceType = resourceType,
            OnCreate = createAndUpdate,
            OnUpdate = createAndUpdate,
            OnDelete = delete,
            Policy = AwsCustomResourcePolicy.FromStatements(statements),
            Role = setupRole,
            LogGroup = setupLogs,
            InstallLatestAwsSdk = false,
        });
    }

    private string SageMakerArn(string resource, string name) =>
        Stack.Of(this).FormatArn(new ArnComponents { Service = "sagemaker", Resource = resource, ResourceName = name, ArnFormat = ArnFormat.SLASH_RESOURCE_NAME });

    private static PolicyStatement Allow(string[] actions, string[] resources) =>
        new(new PolicyStatementProps { Actions = actions, Resources = resources });

    private static string Hash(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..8];
}
