namespace ContinuousImprovement.Repository.Tests;

public sealed class ArchitectureTests
{
    [Fact]
    public void The_repository_keeps_its_dependency_rules()
    {
        var projects = ProjectFile.All(RepositoryRoot.Path);

        Assert.Contains(projects, p => p.Layer == "Core");
        Assert.Empty(ArchitectureRules.Violations(projects));
    }

    [Fact]
    public void Core_depending_on_a_project_or_an_aws_package_is_a_violation()
    {
        var projects = new[]
        {
            new ProjectFile("lambdas/Core/Core.csproj", "Core", ["local/Engine/Engine.csproj"], ["AWSSDK.S3", "System.Text.Json"]),
            new ProjectFile("local/Engine/Engine.csproj", "Local", [], []),
        };

        Assert.Equal(
            [
                "lambdas/Core/Core.csproj references local/Engine/Engine.csproj: Core depends on no other project.",
                "lambdas/Core/Core.csproj uses package AWSSDK.S3: Core has no AWS dependency.",
            ],
            ArchitectureRules.Violations(projects));
    }

    [Fact]
    public void Handlers_depending_on_an_adapter_or_the_sdk_is_a_violation()
    {
        var projects = new[]
        {
            new ProjectFile("lambdas/Core/Core.csproj", "Core", [], []),
            new ProjectFile("lambdas/Aws/Aws.csproj", "Aws", ["lambdas/Core/Core.csproj"], ["AWSSDK.S3"]),
            new ProjectFile("lambdas/Handlers/Handlers.csproj", "Handlers", ["lambdas/Core/Core.csproj", "lambdas/Aws/Aws.csproj"], ["Amazon.Lambda.Core"]),
        };

        Assert.Equal(
            [
                "lambdas/Handlers/Handlers.csproj references lambdas/Aws/Aws.csproj: handlers see Core's ports only.",
                "lambdas/Handlers/Handlers.csproj uses package Amazon.Lambda.Core: handlers reach AWS through ports.",
            ],
            ArchitectureRules.Violations(projects));
    }

    [Theory]
    [InlineData("lambdas/Core/Core.csproj", "Core")]
    [InlineData("lambdas/Handlers/Handlers.csproj", "Handlers")]
    [InlineData("local/Engine/Engine.csproj", "Local")]
    [InlineData("infra/Infra.csproj", "Infra")]
    [InlineData("tests/Core.Tests/Core.Tests.csproj", "Tests")]
    [InlineData("tools/X/X.csproj", "Unknown")]
    public void Layers_follow_the_folders(string path, string layer) => Assert.Equal(layer, ProjectFile.LayerOf(path));

    [Fact]
    public void Project_files_are_read_with_their_references_resolved_from_the_root()
    {
        var core = ProjectFile.All(RepositoryRoot.Path).Single(p => p.RelativePath == "tests/Core.Tests/Core.Tests.csproj");

        Assert.Equal(["lambdas/Core/Core.csproj"], core.ProjectReferences);
    }
}
