using System.Reflection;
using ContinuousImprovement.Aws.Endpoints;
using ContinuousImprovement.Aws.Model;

namespace ContinuousImprovement.Aws.Runtime;

/// <summary>
/// One AWS service as these clients know it: its botocore model (trimmed to the operations we call) and its endpoint
/// rule set, both embedded in this assembly (Models/, with their provenance in Models/SOURCES.md).
/// </summary>
public sealed class AwsService
{
    public static readonly AwsService Rekognition = new("rekognition");
    public static readonly AwsService A2iRuntime = new("sagemaker-a2i-runtime");
    public static readonly AwsService Sns = new("sns");
    public static readonly AwsService SageMaker = new("sagemaker");
    public static readonly AwsService EventBridge = new("events");
    public static readonly AwsService Scheduler = new("scheduler");
    public static readonly AwsService StepFunctions = new("stepfunctions");

    private readonly Lazy<ServiceModel> _model;
    private readonly Lazy<EndpointRuleSet> _endpoints;

    private AwsService(string name)
    {
        Name = name;
        _model = new Lazy<ServiceModel>(() => ServiceModel.Parse(Resource($"{name}.service-2.json")));
        _endpoints = new Lazy<EndpointRuleSet>(() => EndpointRuleSet.Parse(Resource($"{name}.endpoint-rule-set-1.json")));
    }

    /// <summary>The botocore data folder name, e.g. "sagemaker-a2i-runtime".</summary>
    public string Name { get; }

    public ServiceModel Model => _model.Value;

    public EndpointRuleSet Endpoints => _endpoints.Value;

    public static IReadOnlyList<AwsService> All { get; } = [Rekognition, A2iRuntime, Sns, SageMaker, EventBridge, Scheduler, StepFunctions];

    public override string ToString() => Name;

    private static byte[] Resource(string file)
    {
        var assembly = typeof(AwsService).Assembly;
        using var stream = assembly.GetManifestResourceStream($"ContinuousImprovement.Aws.Models.{file}")
            ?? throw new InvalidOperationException($"The embedded model file {file} is missing from {assembly.GetName().Name}.");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
