using ContinuousImprovement.Core.Parameters;
using ContinuousImprovement.Core.Text;
using Constructs;

namespace ContinuousImprovement.Infra;

/// <summary>
/// What an operator chooses at deploy time (CDK context, e.g. <c>cdk deploy -c createWorkteam=true -c notificationEmail=ops@example.com</c>).
/// </summary>
public sealed record StackSettings(string ParameterPrefix, string? NotificationEmail, string BootstrapFolder, string RepositoryRoot, A2iSetup Review)
{
    // EventBridge rule names: letters, digits, '.', '-', '_', at most 64 characters.
    private const int MaxRuleName = 64;

    /// <summary>
    /// What every EventBridge rule's name starts with, from the parameter prefix (<c>/ContinuousImprovement/</c> →
    /// <c>ContinuousImprovement-</c>), so two deployments under different prefixes keep apart and the schedule rules the
    /// parameter-apply workflow re-times are found by name (prefix + schedule name, see <c>EventBridgeSchedules</c>).
    /// </summary>
    public string RulePrefix => ParameterPrefix.Trim('/').Replace('/', '-') + "-";

    /// <summary>The settings from the app's context; a bad or contradicting value fails the synth with a message naming it.</summary>
    public static StackSettings FromContext(Node node)
    {
        ArgumentNullException.ThrowIfNull(node);
        var root = FindRepositoryRoot();
        var settings = new StackSettings(
            Text(node, "parameterPrefix") ?? ParameterCatalog.Default.Prefix,
            Text(node, "notificationEmail"),
            Text(node, "bootstrapFolder") ?? Path.Combine(root, "lambdas", "Host", "bin", "aot"),
            root,
            new A2iSetup(
                Text(node, "flowDefinitionArn"),
                Text(node, "workteamArn"),
                Flag(node, "createWorkteam"),
                Text(node, "workforceUserPoolId"),
                Text(node, "workforceClientId")));
        settings.Validate();
        return settings;
    }

    /// <summary>Checks the settings, and that the Lambda bootstrap is published, before anything is built from them.</summary>
    /// <exception cref="ArgumentException">A value the stack cannot deploy, named.</exception>
    public void Validate()
    {
        _ = ParameterCatalog.Default.WithPrefix(ParameterPrefix);
        var longest = RulePrefix + "HumanLoopStatusStartsFiling";
        if (longest.Length > MaxRuleName || longest.Any(c => !(char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or '_')))
        {
            throw new ArgumentException($"The parameter prefix {Printable.Quote(ParameterPrefix)} makes EventBridge rule names like {Printable.Quote(longest)}: "
                + $"they may hold only letters, digits, '.', '-' and '_' and at most {MaxRuleName} characters.");
        }

        _ = Review.Mode();

        // Published before synth (README, Deploy to AWS): the asset is the folder as it is.
        if (!File.Exists(Path.Combine(BootstrapFolder, "bootstrap")))
        {
            throw new ArgumentException($"No Lambda bootstrap in {BootstrapFolder}. Publish it first: "
                + "dotnet publish lambdas/Host -c Release -r linux-x64 -o lambdas/Host/bin/aot (or pass -c bootstrapFolder=<folder>).");
        }
    }

    /// <summary>The repository holding the state machine definitions, found from the app's folder (dotnet run, the CLI and tests alike).</summary>
    public static string FindRepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "ContinuousImprovement.sln")))
            {
                return dir.FullName;
            }
        }

        throw new DirectoryNotFoundException($"No ContinuousImprovement.sln above {AppContext.BaseDirectory}: run the CDK app from the repository.");
    }

    private static string? Text(Node node, string key) =>
        node.TryGetContext(key) is string value && !string.IsNullOrWhiteSpace(value) ? value.Trim() : null;

    // `-c createWorkteam=true` arrives as text, cdk.json may hold a JSON boolean.
    private static bool Flag(Node node, string key) => node.TryGetContext(key) switch
    {
        null => false,
        bool value => value,
        string text when bool.TryParse(text.Trim(), out var value) => value,
        var other => throw new ArgumentException($"Context {key} must be true or false, found {Printable.Quote(other.ToString())}."),
    };
}
