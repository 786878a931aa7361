namespace ContinuousImprovement.Repository.Tests;

/// <summary>
/// The dependency rules of the layout: Core holds the business rules and depends on nothing of ours or
/// of AWS; handlers see Core's ports only, never an adapter, the engine or the twin.
/// </summary>
public static class ArchitectureRules
{
    private static readonly string[] AwsPackagePrefixes = ["AWSSDK.", "Amazon."];

    public static IReadOnlyList<string> Violations(IReadOnlyList<ProjectFile> projects)
    {
        var violations = new List<string>();
        var layerOf = projects.ToDictionary(p => p.RelativePath, p => p.Layer);
        foreach (var project in projects)
        {
            switch (project.Layer)
            {
                case "Core":
                    violations.AddRange(project.ProjectReferences.Select(r => $"{project.RelativePath} references {r}: Core depends on no other project."));
                    violations.AddRange(AwsPackages(project).Select(p => $"{project.RelativePath} uses package {p}: Core has no AWS dependency."));
                    break;
                case "Handlers":
                    violations.AddRange(project.ProjectReferences
                        .Where(r => layerOf.GetValueOrDefault(r) != "Core")
                        .Select(r => $"{project.RelativePath} references {r}: handlers see Core's ports only."));
                    violations.AddRange(AwsPackages(project).Select(p => $"{project.RelativePath} uses package {p}: handlers reach AWS through ports."));
                    break;
                case "Unknown":
                    violations.Add($"{project.RelativePath} is outside the layout (lambdas/, local/, infra/, tests/).");
                    break;
                default:
                    break;
            }
        }

        return violations;
    }

    private static IEnumerable<string> AwsPackages(ProjectFile project) =>
        project.PackageReferences.Where(p => AwsPackagePrefixes.Any(prefix => p.StartsWith(prefix, StringComparison.OrdinalIgnoreCase)));
}
