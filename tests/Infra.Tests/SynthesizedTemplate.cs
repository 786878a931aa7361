using System.Collections.Concurrent;
using System.Text.Json;
using Amazon.CDK;
using Amazon.CDK.Assertions;

namespace ContinuousImprovement.Infra.Tests;

/// <summary>
/// Stacks synthesized once per test run and context (jsii start-up costs seconds, each further stack a fraction of
/// one), with a stand-in bootstrap file: the template, not the binary, is under test here; the Host tests prove the
/// binary.
/// </summary>
public static class SynthesizedTemplate
{
    public const string Email = "ops@example.com";

    /// <summary>A key for <see cref="With"/>: synthesize from this folder's statemachine/ and assets/ instead of the repository's.</summary>
    public const string RepositoryRoot = "repositoryRootForTests";

    private static readonly ConcurrentDictionary<string, Lazy<Synthesized>> Stacks = new(StringComparer.Ordinal);
    private static readonly Lazy<string> Bootstrap = new(() =>
    {
        var folder = Directory.CreateTempSubdirectory("ci-bootstrap-").FullName;
        File.WriteAllText(Path.Combine(folder, "bootstrap"), "stand-in");
        AppDomain.CurrentDomain.ProcessExit += (_, _) => Directory.Delete(folder, recursive: true);
        return folder;
    });

    /// <summary>The whole system: a new work team with a new user pool, and an e-mail subscription.</summary>
    public static Synthesized Full => With(new() { ["createWorkteam"] = "true", ["notificationEmail"] = Email });

    public static Template Template => Full.Template;

    public static JsonElement Json => Full.Json;

    public static IEnumerable<(string LogicalId, JsonElement Resource)> Resources(string type) => Full.Resources(type);

    /// <summary>The stack for these context values (as <c>-c key=value</c> gives them), synthesized once.</summary>
    public static Synthesized With(Dictionary<string, object> context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var key = string.Join(";", context.OrderBy(c => c.Key, StringComparer.Ordinal).Select(c => $"{c.Key}={c.Value}"));
        return Stacks.GetOrAdd(key, _ => new Lazy<Synthesized>(() => Synthesize(context))).Value;
    }

    private static Synthesized Synthesize(Dictionary<string, object> context)
    {
        // Not a context key of the app: a copy of the repository's definitions (e.g. with a changed template).
        var cdkContext = new Dictionary<string, object>(context) { ["bootstrapFolder"] = Bootstrap.Value };
        var root = cdkContext.Remove(RepositoryRoot, out var given) ? (string)given : null;
        var outdir = Directory.CreateTempSubdirectory("ci-cdk-out-").FullName;
        var app = new App(new AppProps { Outdir = outdir, Context = cdkContext });
        var settings = StackSettings.FromContext(app.Node);
        var stack = new ContinuousImprovementStack(app, "Test", root is null ? settings : settings with { RepositoryRoot = root });
        var template = Template.FromStack(stack);

        // The cloud assembly's template file: plain JSON for the checks written without the assertion library.
        app.Synth();
        var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(outdir, "Test.template.json"))).RootElement.Clone();
        Directory.Delete(outdir, recursive: true);
        return new Synthesized(stack, template, json);
    }
}
