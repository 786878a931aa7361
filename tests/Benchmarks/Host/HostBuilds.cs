using System.Diagnostics;
using System.Globalization;

namespace ContinuousImprovement.Benchmarks.Host;

/// <summary>
/// The two builds the benchmark compares, made here when missing or older than the host's sources: the
/// Native AOT publish is shared with tests/Host.Tests (same folder), so after a test run it is reused.
/// </summary>
internal static class HostBuilds
{
    private static readonly string[] SharedBuildFiles = ["Directory.Build.props", "Directory.Build.targets", "Directory.Packages.props"];

    private static string HostDirectory => Repository.Path("lambdas", "Host");

    public static async Task<Bootstrap> AotAsync()
    {
        var output = Path.Combine(HostDirectory, "bin", "aot");
        var executable = Path.Combine(output, "bootstrap");
        string how;
        if (IsCurrent(executable))
        {
            how = $"{Relative(executable)}, reused (published {Age(executable)} ago, newer than every source of the host)";
        }
        else
        {
            var seconds = await DotnetAsync("publish", Path.Combine(HostDirectory, "Host.csproj"), "-c", "Release", "-r", "linux-x64", "-o", output, "--nologo", "--disable-build-servers");
            how = $"{Relative(executable)}, published now in {seconds:F1} s (missing or older than its sources)";
        }

        return new Bootstrap("aot", executable, [], executable, how);
    }

    public static async Task<Bootstrap> JitAsync()
    {
        var dll = Path.Combine(HostDirectory, "bin", "Release", "net10.0", "bootstrap.dll");
        var how = $"dotnet {Relative(dll)} (.NET {Environment.Version}, tiered compilation and PGO on, as deployed)";
        if (!IsCurrent(dll))
        {
            var seconds = await DotnetAsync("build", Path.Combine(HostDirectory, "Host.csproj"), "-c", "Release", "--nologo", "-v", "quiet", "--disable-build-servers");
            how += $", built now in {seconds:F1} s";
        }

        return new Bootstrap("jit", Dotnet(), [dll], dll, how);
    }

    private static bool IsCurrent(string file)
    {
        if (!File.Exists(file))
        {
            return false;
        }

        var built = File.GetLastWriteTimeUtc(file);
        var sources = Directory.EnumerateFiles(HostDirectory, "*.cs*", SearchOption.AllDirectories)
            .Where(f => (f.EndsWith(".cs", StringComparison.Ordinal) || f.EndsWith(".csproj", StringComparison.Ordinal))
                && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Concat(SharedBuildFiles.Select(f => Repository.Path(f)).Where(File.Exists));
        return sources.All(s => File.GetLastWriteTimeUtc(s) <= built);
    }

    private static async Task<double> DotnetAsync(params string[] arguments)
    {
        Console.WriteLine($"dotnet {arguments[0]} {Relative(arguments[1])} ...");
        var start = new ProcessStartInfo(Dotnet(), arguments) { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = Repository.Path() };
        foreach (var name in start.Environment.Keys.Where(k => k.StartsWith("MSBUILD", StringComparison.OrdinalIgnoreCase)).ToList())
        {
            start.Environment.Remove(name);
        }

        var clock = Stopwatch.StartNew();
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"dotnet {string.Join(' ', arguments)} failed ({process.ExitCode}):\n{await stdout}\n{await stderr}");
        }

        return clock.Elapsed.TotalSeconds;
    }

    private static string Dotnet() =>
        Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } path && File.Exists(path) ? path : "dotnet";

    private static string Relative(string path) => Path.GetRelativePath(Repository.Path(), path);

    private static string Age(string file)
    {
        var age = DateTime.UtcNow - File.GetLastWriteTimeUtc(file);
        return age.TotalHours >= 1 ? age.TotalHours.ToString("F1", CultureInfo.InvariantCulture) + " h" : age.TotalMinutes.ToString("F0", CultureInfo.InvariantCulture) + " min";
    }
}
