using Constructs;

namespace ContinuousImprovement.Infra;

/// <summary>
/// What an operator chooses at deploy time (CDK context, e.g. <c>cdk deploy -c notificationEmail=ops@example.com</c>).
/// </summary>
public sealed record StackSettings(string ParameterPrefix, string? NotificationEmail, string BootstrapFolder, string RepositoryRoot, string FlowDefinitionArn)
{
    public static StackSettings FromContext(Node node)
    {
        ArgumentNullException.ThrowIfNull(node);
        var root = FindRepositoryRoot();
        return new StackSettings(
            node.TryGetContext("parameterPrefix") as string ?? Core.Parameters.ParameterCatalog.Default.Prefix,
            node.TryGetContext("notificationEmail") as string,
            node.TryGetContext("bootstrapFolder") as string ?? Path.Combine(root, "lambdas", "Host", "bin", "aot"),
            root,
            // The A2I flow definition is not created by this stack yet: accounts with A2I pass theirs.
            node.TryGetContext("flowDefinitionArn") as string
                ?? throw new InvalidOperationException("Pass the A2I flow definition: cdk deploy -c flowDefinitionArn=arn:aws:sagemaker:<region>:<account>:flow-definition/<name>"));
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
}
