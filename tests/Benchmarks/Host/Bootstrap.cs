using System.Diagnostics;

namespace ContinuousImprovement.Benchmarks.Host;

/// <summary>One way to run the host: the AOT executable itself, or <c>dotnet bootstrap.dll</c>.</summary>
internal sealed record Bootstrap(string Name, string FileName, IReadOnlyList<string> Arguments, string SizedFile, string Describe)
{
    public double SizeMiB => new FileInfo(SizedFile).Length / (1024.0 * 1024.0);

    /// <summary>Starts the host serving <c>echo</c>; its stdout (one EMF line per invocation) is read and discarded.</summary>
    public Process Start(string runtimeApi)
    {
        var start = new ProcessStartInfo(FileName, Arguments) { UseShellExecute = false, RedirectStandardOutput = true };
        start.Environment["AWS_LAMBDA_RUNTIME_API"] = runtimeApi;
        start.Environment["_HANDLER"] = "echo";
        start.Environment["AWS_LAMBDA_FUNCTION_NAME"] = "bench";

        // Log lines stay off in the happy path at any level but DEBUG; FATAL keeps stderr (shown) for real trouble.
        start.Environment["AWS_LAMBDA_LOG_LEVEL"] = "FATAL";
        var process = Process.Start(start)!;
        _ = process.StandardOutput.BaseStream.CopyToAsync(Stream.Null);
        return process;
    }
}
