using System.Text.Json.Nodes;
using ContinuousImprovement.Core.Parameters;
using ContinuousImprovement.Core.State;
using ContinuousImprovement.Workflows.Tests.Twin;

namespace ContinuousImprovement.Workflows.Tests.ParameterApply;

/// <summary>The parameter-apply workflow on the twin, fed Parameter Store Change events made from the shared examples.</summary>
internal sealed class ParameterApplyTwin : WorkflowTwin
{
    private ParameterApplyTwin(PortFault? fault) => Connect(TwinWorkflow.ParameterApply, fault);

    /// <summary>A twin with every catalog parameter at its default, as CDK creates them (no system parameter yet).</summary>
    public static Task<ParameterApplyTwin> StartAsync(PortFault? fault = null) => WithDefaultsAsync(new ParameterApplyTwin(fault));

    /// <summary>The change event for a Parameter Store name exactly as given (EventBridge may drop the leading '/').</summary>
    public static string ChangeEvent(string name, string operation = "Update")
    {
        var file = operation switch
        {
            "Create" => "ssm-parameter-store-change-create.json",
            "Delete" => "ssm-parameter-store-change-delete.json",
            _ => "ssm-parameter-store-change-update.json",
        };
        var node = JsonNode.Parse(File.ReadAllText(RepositoryPaths.SharedAws("events", file)))!;
        node["detail"]!["name"] = name;
        node["resources"] = new JsonArray($"arn:aws:ssm:us-east-2:123456789012:parameter/{name.TrimStart('/')}");
        return node.ToJsonString();
    }

    /// <summary>The event for one of the catalog's parameters, by short name.</summary>
    public static string ChangeOf(string shortName, string operation = "Update") => ChangeEvent(ParameterCatalog.Default.FullName(shortName), operation);

    /// <summary>Sets a parameter as an operator would, then runs the change event it raises.</summary>
    public async Task<WorkflowRun> ChangeAsync(string shortName, string value)
    {
        await SetAsync(shortName, value);
        return await RunAsync(ChangeOf(shortName));
    }

    public async Task<WorkflowRun> RunAsync(string eventJson) => new(await ExecuteAsync(eventJson));

    /// <summary>The system parameter's state; null when there is none (or it cannot be read).</summary>
    public async Task<SystemState?> StateAsync() => (await ReadStateAsync())?.State;

    /// <summary>A value the catalog refuses for this parameter: out of range, not allowed, or not readable.</summary>
    public static string BadValue(ParameterDefinition definition) => definition.Type switch
    {
        ParameterType.Boolean => "maybe",
        ParameterType.Integer => ((long)definition.Maximum!.Value + 1).ToString(System.Globalization.CultureInfo.InvariantCulture),
        ParameterType.Number => (definition.Maximum!.Value + 0.5).ToString(System.Globalization.CultureInfo.InvariantCulture),
        ParameterType.Choice => "no-such-choice",
        ParameterType.List => "no-such-item",
        ParameterType.TextList => "bad\u0001item",
        _ => throw new InvalidOperationException(definition.Type.ToString()),
    };
}
