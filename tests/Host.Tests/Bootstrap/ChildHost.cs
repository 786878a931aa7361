using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json;

namespace ContinuousImprovement.Host.Tests.Bootstrap;

/// <summary>
/// The bootstrap as Lambda runs it: a separate process with the Runtime API address and <c>_HANDLER</c> in
/// its environment, against a <see cref="FakeRuntimeApi"/>. Stdout and stderr are kept line by line.
/// Disposing kills the process (this one, by its id) and stops the fake API.
/// </summary>
public sealed class ChildHost : IAsyncDisposable
{
    private readonly Process process;
    private readonly ConcurrentQueue<string> output = new();
    private readonly ConcurrentQueue<string> errors = new();

    private ChildHost(FakeRuntimeApi api, Process process)
    {
        Api = api;
        this.process = process;
    }

    public FakeRuntimeApi Api { get; }

    public IReadOnlyList<string> OutputLines => [.. output];

    public IReadOnlyList<string> ErrorLines => [.. errors];

    /// <summary>Stdout and stderr lines that are JSON objects (log lines and EMF documents).</summary>
    public IReadOnlyList<JsonElement> JsonLines => [.. output.Concat(errors).Where(l => l.StartsWith('{')).Select(l => JsonDocument.Parse(l).RootElement.Clone())];

    /// <summary>The JIT build: <c>dotnet bootstrap.dll</c>.</summary>
    public static Task<ChildHost> StartJitAsync(string? handler, IReadOnlyDictionary<string, string>? environment = null) =>
        StartAsync(DotnetHost(), [HostFixtures.JitBootstrapDll], handler, environment);

    public static async Task<ChildHost> StartAsync(string executable, IReadOnlyList<string> arguments, string? handler, IReadOnlyDictionary<string, string>? environment = null)
    {
        var api = await FakeRuntimeApi.StartAsync();
        var start = new ProcessStartInfo(executable, arguments)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var name in start.Environment.Keys.Where(k => k.StartsWith("AWS_", StringComparison.Ordinal) || k.StartsWith('_')).ToList())
        {
            start.Environment.Remove(name);
        }

        start.Environment["AWS_LAMBDA_RUNTIME_API"] = api.Address;
        if (handler is not null)
        {
            start.Environment["_HANDLER"] = handler;
        }

        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }

        var process = new Process { StartInfo = start };
        var child = new ChildHost(api, process);
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) { child.output.Enqueue(e.Data); } };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) { child.errors.Enqueue(e.Data); } };
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return child;
    }

    /// <summary>Waits for the process to end on its own and returns its exit code.</summary>
    public async Task<int> ExitCodeAsync(TimeSpan patience)
    {
        await process.WaitForExitAsync().WaitAsync(patience);
        process.WaitForExit(); // drains the redirected output
        return process.ExitCode;
    }

    public async ValueTask DisposeAsync()
    {
        if (!process.HasExited)
        {
            process.Kill();
            await process.WaitForExitAsync();
        }

        process.Dispose();
        await Api.DisposeAsync();
    }

    internal static string DotnetHost() =>
        Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } path && File.Exists(path) ? path : "dotnet";
}
