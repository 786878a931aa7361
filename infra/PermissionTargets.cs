using Amazon.CDK;
using Amazon.CDK.AWS.DynamoDB;
using Amazon.CDK.AWS.Rekognition;
using Amazon.CDK.AWS.S3;
using Amazon.CDK.AWS.SNS;
using ContinuousImprovement.Core.Parameters;

namespace ContinuousImprovement.Infra;

/// <summary>What the handlers' functions reach: the resources their permissions are scoped to.</summary>
internal sealed record PermissionTargets(
    Stack Stack,
    Bucket Bucket,
    Table Table,
    Topic Topic,
    ParameterCatalog Catalog,
    CfnProject Project,
    string FlowDefinitionArn,
    IReadOnlyList<string> ScheduleRuleNames);
