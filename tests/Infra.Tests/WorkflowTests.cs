using System.Text.Json;
using ContinuousImprovement.Core.Events;
using ContinuousImprovement.Handlers;
using ContinuousImprovement.Handlers.Invocation;

namespace ContinuousImprovement.Infra.Tests;

/// <summary>The five workflows on Step Functions and their functions, against the definition files and the handler catalog.</summary>
public sealed class WorkflowTests
{
    public static TheoryData<ProductWorkflow> Workflows => [.. Enum.GetValues<ProductWorkflow>()];

    private static Synthesized S => SynthesizedTemplate.Full;

    [Fact]
    public void Every_product_workflow_is_deployed_once() =>
        Assert.Equal(Enum.GetValues<ProductWorkflow>().Length, S.Resources("AWS::StepFunctions::StateMachine").Count());

    [Theory]
    [MemberData(nameof(Workflows))]
    public void Each_state_machine_is_its_definition_file_as_it_is(ProductWorkflow workflow)
    {
        var properties = Machine(workflow);
        var file = File.ReadAllText(Path.Combine(StackSettings.FindRepositoryRoot(), DeployedWorkflow.Of(workflow).DefinitionFile));

        Assert.Equal(file, properties.GetProperty("DefinitionString").GetString());
    }

    [Theory]
    [MemberData(nameof(Workflows))]
    public void Each_placeholder_of_a_definition_is_substituted_with_the_arn_of_its_handlers_function(ProductWorkflow workflow)
    {
        var deployed = DeployedWorkflow.Of(workflow);
        var properties = Machine(workflow);
        var substitutions = properties.GetProperty("DefinitionSubstitutions");
        var placeholders = ContinuousImprovementStack.Placeholders(properties.GetProperty("DefinitionString").GetString()!);

        Assert.Equal(placeholders.Order(StringComparer.Ordinal), substitutions.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal));
        Assert.All(placeholders, placeholder =>
        {
            var arn = substitutions.GetProperty(placeholder).GetProperty("Fn::GetAtt");
            Assert.Equal(S.FunctionOf(deployed.Functions[placeholder]), arn[0].GetString());
            Assert.Equal("Arn", arn[1].GetString());
        });
    }

    [Theory]
    [MemberData(nameof(Workflows))]
    public void Every_task_resource_in_a_definition_is_a_placeholder_for_a_function_in_the_stack(ProductWorkflow workflow)
    {
        var properties = Machine(workflow);
        var substitutions = properties.GetProperty("DefinitionSubstitutions");
        using var definition = JsonDocument.Parse(properties.GetProperty("DefinitionString").GetString()!);
        var functions = S.Resources("AWS::Lambda::Function").Select(f => f.LogicalId).ToHashSet(StringComparer.Ordinal);
        var resources = TaskResources(definition.RootElement).ToList();

        Assert.NotEmpty(resources);
        Assert.All(resources, resource =>
        {
            Assert.Matches(@"^\$\{[A-Za-z]+\}$", resource);
            Assert.Contains(substitutions.GetProperty(resource[2..^1]).GetProperty("Fn::GetAtt")[0].GetString()!, functions);
        });
    }

    [Theory]
    [InlineData(ProductWorkflow.Detection, "EXPRESS", "ALL")]
    [InlineData(ProductWorkflow.ReviewFiling, "STANDARD", "ERROR")]
    [InlineData(ProductWorkflow.ParameterApply, "STANDARD", "ERROR")]
    [InlineData(ProductWorkflow.Training, "STANDARD", "ERROR")]
    [InlineData(ProductWorkflow.AuditSampling, "STANDARD", "ERROR")]
    public void Each_workflow_runs_on_its_kind_of_state_machine_with_logging_and_tracing(ProductWorkflow workflow, string type, string level)
    {
        var properties = Machine(workflow);

        Assert.Equal(type, properties.GetProperty("StateMachineType").GetString());
        Assert.Equal(level, properties.GetProperty("LoggingConfiguration").GetProperty("Level").GetString());
        Assert.True(properties.GetProperty("LoggingConfiguration").GetProperty("IncludeExecutionData").GetBoolean());
        Assert.True(properties.GetProperty("TracingConfiguration").GetProperty("Enabled").GetBoolean());
    }

    [Theory]
    [MemberData(nameof(Workflows))]
    public void Each_state_machine_may_invoke_exactly_the_functions_its_definition_calls(ProductWorkflow workflow)
    {
        var properties = Machine(workflow);
        var role = properties.GetProperty("RoleArn").GetProperty("Fn::GetAtt")[0].GetString();
        var invoked = S.Statements().Where(s => s.Role == role && Synthesized.Strings(s.Statement.GetProperty("Action")).Contains("lambda:InvokeFunction"))
            .SelectMany(s => s.Statement.GetProperty("Resource").EnumerateArray())
            .Select(r => r.TryGetProperty("Fn::GetAtt", out var arn) ? arn[0].GetString()! : r.GetProperty("Fn::Join")[1][0].GetProperty("Fn::GetAtt")[0].GetString()!)
            .ToHashSet(StringComparer.Ordinal);
        var expected = DeployedWorkflow.Of(workflow).Functions.Values.Select(S.FunctionOf).ToHashSet(StringComparer.Ordinal);

        Assert.Equal(expected.Order(StringComparer.Ordinal), invoked.Order(StringComparer.Ordinal));
        Assert.DoesNotContain(S.Statements().Where(s => s.Role == role).SelectMany(s => Synthesized.Strings(s.Statement.GetProperty("Action"))),
            action => !action.StartsWith("lambda:InvokeFunction", StringComparison.Ordinal) && !action.StartsWith("logs:", StringComparison.Ordinal) && !action.StartsWith("xray:", StringComparison.Ordinal));
    }

    [Fact]
    public void Every_handler_of_the_catalog_has_exactly_one_function_and_no_function_serves_another()
    {
        var catalog = new HandlerCatalog(new Ports(null!, null!, null!, null!, null!, null!, null!, TimeProvider.System) { Leases = null! }).Names;
        var served = S.HandlerFunctions().Select(f => f.Properties.GetProperty("Handler").GetString()!).ToList();

        Assert.Equal(catalog, served.Order(StringComparer.Ordinal));
        Assert.Equal(catalog, DeployedWorkflow.Handlers.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void A_function_shared_by_workflows_is_deployed_once_and_called_by_each()
    {
        var notify = S.FunctionOf(Handlers.Notifications.Notify.Name);
        var users = S.Resources("AWS::StepFunctions::StateMachine")
            .Count(m => m.Resource.GetProperty("Properties").GetProperty("DefinitionSubstitutions").EnumerateObject().Any(p => p.Value.GetProperty("Fn::GetAtt")[0].GetString() == notify));

        Assert.Equal(DeployedWorkflow.All.Count, users);
    }

    private static JsonElement Machine(ProductWorkflow workflow) =>
        S.Properties(S.Stack.GetLogicalId((Amazon.CDK.CfnElement)S.Stack.StateMachines[workflow].Node.DefaultChild!));

    /// <summary>The Resource of every Task state, nested ones (Map, Parallel) included.</summary>
    private static IEnumerable<string> TaskResources(JsonElement machine)
    {
        foreach (var state in machine.GetProperty("States").EnumerateObject().Select(s => s.Value))
        {
            if (state.GetProperty("Type").GetString() == "Task")
            {
                yield return state.GetProperty("Resource").GetString()!;
            }

            var nested = new List<JsonElement>();
            foreach (var name in new[] { "Iterator", "ItemProcessor" })
            {
                if (state.TryGetProperty(name, out var inner))
                {
                    nested.Add(inner);
                }
            }

            if (state.TryGetProperty("Branches", out var branches))
            {
                nested.AddRange(branches.EnumerateArray());
            }

            foreach (var resource in nested.SelectMany(TaskResources))
            {
                yield return resource;
            }
        }
    }
}
