using System.Text.Json.Serialization.Metadata;
using ContinuousImprovement.Aws.A2iRuntime;
using ContinuousImprovement.Aws.EventBridge;
using ContinuousImprovement.Aws.Rekognition;
using ContinuousImprovement.Aws.Runtime;
using ContinuousImprovement.Aws.SageMaker;
using ContinuousImprovement.Aws.Scheduler;
using ContinuousImprovement.Aws.Sns;
using ContinuousImprovement.Aws.StepFunctions;

namespace ContinuousImprovement.Aws.Tests.Services;

/// <summary>Every operation our typed clients call, with the JSON metadata of its request and response records.</summary>
internal sealed record TypedOperation(AwsService Service, string SharedModel, string Operation, JsonTypeInfo Request, JsonTypeInfo Response)
{
    public override string ToString() => $"{Service.Name}.{Operation}";

    public static readonly IReadOnlyList<TypedOperation> All =
    [
        Rek("DetectCustomLabels", RekognitionJson.Default.DetectCustomLabelsRequest, RekognitionJson.Default.DetectCustomLabelsResponse),
        Rek("CreateProjectVersion", RekognitionJson.Default.CreateProjectVersionRequest, RekognitionJson.Default.CreateProjectVersionResponse),
        Rek("DescribeProjectVersions", RekognitionJson.Default.DescribeProjectVersionsRequest, RekognitionJson.Default.DescribeProjectVersionsResponse),
        Rek("StartProjectVersion", RekognitionJson.Default.StartProjectVersionRequest, RekognitionJson.Default.StartProjectVersionResponse),
        Rek("StopProjectVersion", RekognitionJson.Default.StopProjectVersionRequest, RekognitionJson.Default.StopProjectVersionResponse),
        Rek("DescribeProjects", RekognitionJson.Default.DescribeProjectsRequest, RekognitionJson.Default.DescribeProjectsResponse),
        Rek("CreateDataset", RekognitionJson.Default.CreateDatasetRequest, RekognitionJson.Default.CreateDatasetResponse),
        Rek("UpdateDatasetEntries", RekognitionJson.Default.UpdateDatasetEntriesRequest, RekognitionJson.Default.EmptyResponse),
        A2i("StartHumanLoop", A2iRuntimeJson.Default.StartHumanLoopRequest, A2iRuntimeJson.Default.StartHumanLoopResponse),
        A2i("DescribeHumanLoop", A2iRuntimeJson.Default.DescribeHumanLoopRequest, A2iRuntimeJson.Default.DescribeHumanLoopResponse),
        A2i("StopHumanLoop", A2iRuntimeJson.Default.StopHumanLoopRequest, A2iRuntimeJson.Default.EmptyResponse),
        A2i("ListHumanLoops", A2iRuntimeJson.Default.ListHumanLoopsRequest, A2iRuntimeJson.Default.ListHumanLoopsResponse),
        new(AwsService.Sns, "sns.service-2.json", "Publish", SnsJson.Default.PublishRequest, SnsJson.Default.PublishResponse),
        Sm("CreateFlowDefinition", SageMakerJson.Default.CreateFlowDefinitionRequest, SageMakerJson.Default.CreateFlowDefinitionResponse),
        Sm("DescribeFlowDefinition", SageMakerJson.Default.DescribeFlowDefinitionRequest, SageMakerJson.Default.DescribeFlowDefinitionResponse),
        Sm("CreateHumanTaskUi", SageMakerJson.Default.CreateHumanTaskUiRequest, SageMakerJson.Default.CreateHumanTaskUiResponse),
        Eb("PutRule", EventBridgeJson.Default.PutRuleRequest, EventBridgeJson.Default.PutRuleResponse),
        Eb("EnableRule", EventBridgeJson.Default.EnableRuleRequest, EventBridgeJson.Default.EmptyResponse),
        Eb("DisableRule", EventBridgeJson.Default.DisableRuleRequest, EventBridgeJson.Default.EmptyResponse),
        Eb("DescribeRule", EventBridgeJson.Default.DescribeRuleRequest, EventBridgeJson.Default.DescribeRuleResponse),
        new(AwsService.Scheduler, "scheduler.service-2.json", "UpdateSchedule", SchedulerJson.Default.UpdateScheduleRequest, SchedulerJson.Default.UpdateScheduleResponse),
        new(AwsService.Scheduler, "scheduler.service-2.json", "GetSchedule", SchedulerJson.Default.GetScheduleRequest, SchedulerJson.Default.GetScheduleResponse),
        new(AwsService.StepFunctions, "stepfunctions.service-2.json", "StartExecution", StepFunctionsJson.Default.StartExecutionRequest, StepFunctionsJson.Default.StartExecutionResponse),
        new(AwsService.StepFunctions, "stepfunctions.service-2.json", "DescribeExecution", StepFunctionsJson.Default.DescribeExecutionRequest, StepFunctionsJson.Default.DescribeExecutionResponse),
    ];

    public static TheoryData<string> Names() => new(All.Select(o => o.ToString()));

    public static TypedOperation Named(string name) => All.Single(o => o.ToString() == name);

    private static TypedOperation Rek(string op, JsonTypeInfo request, JsonTypeInfo response) => new(AwsService.Rekognition, "rekognition.service-2.json", op, request, response);

    private static TypedOperation A2i(string op, JsonTypeInfo request, JsonTypeInfo response) => new(AwsService.A2iRuntime, "sagemaker-a2i-runtime.service-2.json", op, request, response);

    private static TypedOperation Sm(string op, JsonTypeInfo request, JsonTypeInfo response) => new(AwsService.SageMaker, "sagemaker.flowdefinition-subset.service-2.json", op, request, response);

    private static TypedOperation Eb(string op, JsonTypeInfo request, JsonTypeInfo response) => new(AwsService.EventBridge, "events.service-2.json", op, request, response);
}
