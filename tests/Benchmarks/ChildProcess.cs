using System.Diagnostics;

namespace ContinuousImprovement.Benchmarks;

/// <summary>
/// Runs a measurement in a fresh process, so its peak memory is its own, and answers the last line it printed
/// (the figures as JSON).
/// </summary>
internal static class ChildProcess
{
    /// <summary>This benchmark program again, with other arguments (a worker command).</summary>
    public static Task<string> RunSelfAsync(IEnumerable<string> arguments)
    {
        var self = Environment.ProcessPath!;
        var all = new List<string>();
        if (Path.GetFileNameWithoutExtension(self) == "dotnet")
        {
            all.Add(typeof(ChildProcess).Assembly.Location);
        }

        all.AddRange(arguments);
        return RunAsync(self, all);
    }

    public static async Task<string> RunAsync(string file, IEnumerable<string> arguments)
    {
        var start = new ProcessStartInfo(file, arguments) { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = Repository.Path() };
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{file} {string.Join(' ', arguments)} failed ({process.ExitCode}): {await stderr}");
        }

        return (await stdout).Trim().Split('\n')[^1];
    }
}
