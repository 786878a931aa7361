namespace ContinuousImprovement.Aws.Tests.Models;

/// <summary>The operations each client calls, and the shared botocore model each embedded model is trimmed from.</summary>
internal static class UsedOperations
{
    public static readonly IReadOnlyList<(string Service, string SharedModel, string[] Operations)> All =
    [
        ("rekognition", "rekognition.service-2.json",
            ["DetectCustomLabels", "CreateProjectVersion", "DescribeProjectVersions", "StartProjectVersion", "StopProjectVersion", "DescribeProjects", "CreateDataset", "UpdateDatasetEntries"]),
        ("sagemaker-a2i-runtime", "sagemaker-a2i-runtime.service-2.json", ["StartHumanLoop", "DescribeHumanLoop", "StopHumanLoop", "ListHumanLoops"]),
        ("sns", "sns.service-2.json", ["Publish"]),
        ("sagemaker", "sagemaker.flowdefinition-subset.service-2.json", ["CreateFlowDefinition", "DescribeFlowDefinition", "CreateHumanTaskUi"]),
        ("events", "events.service-2.json", ["PutRule", "EnableRule", "DisableRule", "DescribeRule"]),
        ("scheduler", "scheduler.service-2.json", ["UpdateSchedule", "GetSchedule"]),
        ("stepfunctions", "stepfunctions.service-2.json", ["StartExecution", "DescribeExecution"]),
    ];
}
