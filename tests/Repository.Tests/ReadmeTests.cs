using ContinuousImprovement.Core.Parameters;

namespace ContinuousImprovement.Repository.Tests;

public sealed class ReadmeTests
{
    private const string Begin = "<!-- parameters:begin (generated from parameters/catalog.json by `./test --update-docs`) -->";
    private const string End = "<!-- parameters:end -->";

    [Fact]
    public void The_readme_parameter_table_is_the_one_generated_from_the_catalog()
    {
        var path = RepositoryRoot.File("README.md");
        var readme = File.ReadAllText(path);
        var begin = readme.IndexOf(Begin, StringComparison.Ordinal);
        var end = readme.IndexOf(End, StringComparison.Ordinal);
        Assert.True(begin >= 0 && end > begin, $"README.md must hold the generated table between '{Begin}' and '{End}'.");

        var current = readme[(begin + Begin.Length)..end];
        var expected = "\n" + ParameterTable.Markdown(ParameterCatalog.Default);
        if (current != expected && Environment.GetEnvironmentVariable("UPDATE_GENERATED_DOCS") == "1")
        {
            File.WriteAllText(path, readme[..(begin + Begin.Length)] + expected + readme[end..]);
            return;
        }

        Assert.True(current == expected, "README.md's parameter table differs from parameters/catalog.json; run `./test --update-docs`.");
    }

    [Fact]
    public void The_table_lists_every_parameter_with_its_default_and_range()
    {
        var table = ParameterTable.Markdown(ParameterCatalog.Default);

        Assert.All(ParameterCatalog.Default.Parameters, p => Assert.Contains($"| `{p.Name}` |", table, StringComparison.Ordinal));
        Assert.Contains("| `Minimum-F1-Score` | training | `0.8` | a number from 0 to 1 (F1) |", table, StringComparison.Ordinal);
    }
}
