using System.Diagnostics;

namespace ContinuousImprovement.Host.Tests.Aot;

/// <summary>
/// Publishes the Native AOT <c>bootstrap</c> once per test run (about 20-30 s on two cores; most of it is
/// the ILCompiler) into <c>lambdas/Host/bin/aot/</c>, where the <c>host</c> benchmark reuses it.
/// </summary>
public sealed class AotBootstrapFixture : IAsyncLifetime
{
    public static string OutputDirectory => Path.Combine(HostFixtures.RepositoryRoot, "lambdas", "Host", "bin", "aot");

    public static string BinaryPath => Path.Combine(OutputDirectory, "bootstrap");

    public TimeSpan PublishTime { get; private set; }

    public async Task InitializeAsync()
    {
        var start = new ProcessStartInfo(ChildHostDotnet(), ["publish", HostFixtures.HostProject, "-c", "Release", "-r", "linux-x64", "-o", OutputDirectory, "--nologo", "--disable-build-servers"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = HostFixtures.RepositoryRoot,
        };

        // `dotnet test` hands its own MSBuild settings down; the publish must be an ordinary command-line one.
        foreach (var name in start.Environment.Keys.Where(k => k.StartsWith("MSBUILD", StringComparison.OrdinalIgnoreCase)).ToList())
        {
            start.Environment.Remove(name);
        }

        var clock = Stopwatch.StartNew();
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        PublishTime = clock.Elapsed;
        if (process.ExitCode != 0 || !File.Exists(BinaryPath))
        {
            throw new InvalidOperationException($"dotnet publish of the AOT bootstrap failed ({process.ExitCode}):\n{await output}\n{await errors}");
        }
    }

    public Task DisposeAsync() => Task.CompletedTask;

    private static string ChildHostDotnet() => Bootstrap.ChildHost.DotnetHost();
}
