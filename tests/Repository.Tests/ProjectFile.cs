using System.Xml.Linq;

namespace ContinuousImprovement.Repository.Tests;

/// <summary>What a csproj says about its dependencies, and which layer of the layout it belongs to.</summary>
public sealed record ProjectFile(string RelativePath, string Layer, IReadOnlyList<string> ProjectReferences, IReadOnlyList<string> PackageReferences)
{
    /// <summary>Layers by folder, as DEVELOPERS.md lays the repository out.</summary>
    public static string LayerOf(string relativePath)
    {
        var parts = relativePath.Replace('\\', '/').Split('/');
        return parts switch
        {
            ["lambdas", "Core", ..] => "Core",
            ["lambdas", "Handlers", ..] => "Handlers",
            ["lambdas", "Aws", ..] => "Aws",
            ["lambdas", "Host", ..] => "Host",
            ["local", ..] => "Local",
            ["infra", ..] => "Infra",
            ["tests", ..] => "Tests",
            _ => "Unknown",
        };
    }

    public static ProjectFile Load(string root, string path)
    {
        var relative = System.IO.Path.GetRelativePath(root, path).Replace('\\', '/');
        var xml = XDocument.Load(path);
        var directory = System.IO.Path.GetDirectoryName(path)!;
        var projects = xml.Descendants("ProjectReference")
            .Select(e => System.IO.Path.GetRelativePath(root, System.IO.Path.GetFullPath(System.IO.Path.Combine(directory, e.Attribute("Include")!.Value.Replace('\\', '/')))).Replace('\\', '/'))
            .ToList();
        var packages = xml.Descendants("PackageReference").Select(e => e.Attribute("Include")!.Value).ToList();
        return new ProjectFile(relative, LayerOf(relative), projects, packages);
    }

    public static IReadOnlyList<ProjectFile> All(string root) =>
        Directory.EnumerateFiles(root, "*.csproj", SearchOption.AllDirectories)
            .Where(p => !p.Contains($"{System.IO.Path.DirectorySeparatorChar}node_modules{System.IO.Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !p.Contains($"{System.IO.Path.DirectorySeparatorChar}.", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .Select(p => Load(root, p))
            .ToList();
}
