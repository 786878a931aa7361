using System.Text.Json;
using Amazon.CDK;
using Amazon.CDK.Assertions;

namespace ContinuousImprovement.Infra.Tests;

/// <summary>
/// The stack synthesized once per test run (jsii start-up costs seconds), with a stand-in bootstrap file:
/// the template, not the binary, is under test here; the Host tests prove the binary.
/// </summary>
public static class SynthesizedTemplate
{
    private static readonly Lazy<(Template Template, JsonElement Json)> Synthesized = new(Synthesize);

    public static Template Template => Synthesized.Value.Template;

    /// <summary>The template as JSON, for checks the assertion library cannot express.</summary>
    public static JsonElement Json => Synthesized.Value.Json;

    public static IEnumerable<(string LogicalId, JsonElement Resource)> Resources(string type) =>
        Json.GetProperty("Resources").EnumerateObject()
            .Where(r => r.Value.GetProperty("Type").GetString() == type)
            .Select(r => (r.Name, r.Value));

    private static (Template, JsonElement) Synthesize()
    {
        var bootstrap = Directory.CreateTempSubdirectory("ci-bootstrap-").FullName;
        File.WriteAllText(Path.Combine(bootstrap, "bootstrap"), "stand-in");
        var outdir = Directory.CreateTempSubdirectory("ci-cdk-out-").FullName;
        var app = new App(new AppProps { Outdir = outdir, Context = new Dictionary<string, object> { ["notificationEmail"] = "ops@example.com", ["flowDefinitionArn"] = "arn:aws:sagemaker:us-east-1:111122223333:flow-definition/reviews" } });
        var settings = StackSettings.FromContext(app.Node) with { BootstrapFolder = bootstrap };
        var stack = new ContinuousImprovementStack(app, "Test", settings);
        var template = Template.FromStack(stack);

        // The cloud assembly's template file: plain JSON for the checks written without the assertion library.
        app.Synth();
        var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(outdir, "Test.template.json"))).RootElement.Clone();
        return (template, json);
    }
}

