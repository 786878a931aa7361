using System.Diagnostics;
using ContinuousImprovement.Host.Runtime;
using ContinuousImprovement.Host.Tests.Bootstrap;
using Xunit.Abstractions;

namespace ContinuousImprovement.Host.Tests.Aot;

/// <summary>
/// The real deployable: the Native AOT <c>bootstrap</c>, published once for these tests (see
/// <see cref="AotBootstrapFixture"/>; that publish is most of this suite's time), run as Lambda runs it.
/// </summary>
[Collection(AotBootstrapGroup.Name)]
[Trait("Cost", "Native AOT publish")]
public sealed class AotBootstrapTests(AotBootstrapFixture aot, ITestOutputHelper output)
{
    private const long MaxBinaryBytes = 30L * 1024 * 1024;
    private static readonly Version AmazonLinux2023Glibc = new(2, 34);
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task The_AOT_bootstrap_answers_echo_with_the_event_bytes_malformed_or_not()
    {
        output.WriteLine($"AOT publish took {aot.PublishTime.TotalSeconds:F1} s");
        await using var host = await ChildHost.StartAsync(AotBootstrapFixture.BinaryPath, [], "echo");

        var json = await host.Api.InvokeAsync("""{"key":"cats/1.jpg"}"""u8.ToArray()).WaitAsync(Patience);
        byte[] bytes = [.. "{not json"u8, 0xFF];
        var malformed = await host.Api.InvokeAsync(bytes).WaitAsync(Patience);

        Assert.Equal("""{"key":"cats/1.jpg"}""", json.Text);
        Assert.Equal(bytes, malformed.Body);
    }

    [Fact]
    public async Task The_AOT_bootstrap_reports_a_throwing_handler_in_the_AWS_error_shape_and_keeps_serving()
    {
        await using var host = await ChildHost.StartAsync(AotBootstrapFixture.BinaryPath, [], "fail");

        var first = await host.Api.InvokeAsync("{}"u8.ToArray()).WaitAsync(Patience);
        var second = await host.Api.InvokeAsync("[]"u8.ToArray()).WaitAsync(Patience);

        Assert.Equal("DiagnosticFailureException", first.ErrorTypeHeader);
        Assert.Equal("DiagnosticFailureException", first.Json.GetProperty("errorType").GetString());
        Assert.Equal("The 'fail' handler always fails (the event had 2 bytes).", first.Json.GetProperty("errorMessage").GetString());
        Assert.Contains(first.Json.GetProperty("stackTrace").EnumerateArray(), f => f.GetString()!.Contains("Fail", StringComparison.Ordinal));
        Assert.True(second.IsError);
    }

    [Fact]
    public async Task The_AOT_bootstrap_reports_a_timeout_and_a_malformed_JSON_event_and_serves_on()
    {
        await using var host = await ChildHost.StartAsync(AotBootstrapFixture.BinaryPath, [], "wait");

        var timedOut = await host.Api.InvokeAsync("""{"milliseconds": 60000}"""u8.ToArray(), TimeSpan.FromMilliseconds(700)).WaitAsync(Patience);
        var malformed = await host.Api.InvokeAsync("{\"milliseconds\""u8.ToArray()).WaitAsync(Patience);
        var fine = await host.Api.InvokeAsync("""{"milliseconds": 1}"""u8.ToArray()).WaitAsync(Patience);

        Assert.Equal(RuntimeErrorTypes.Timeout, timedOut.ErrorTypeHeader);
        Assert.Equal("InvalidEventException", malformed.ErrorTypeHeader);
        Assert.Equal("""{"waitedMs":1}""", fine.Text);
    }

    [Fact]
    public async Task The_AOT_bootstrap_sets_X_AMZN_TRACE_ID_and_logs_JSON_lines()
    {
        await using var host = await ChildHost.StartAsync(AotBootstrapFixture.BinaryPath, [], "context");
        const string trace = "Root=1-5759e988-bd862e3fe1be46a994272793;Sampled=1";

        var result = await host.Api.InvokeAsync("{}"u8.ToArray(), traceId: trace).WaitAsync(Patience);
        await JitBootstrapTests.WaitUntil(() => host.OutputLines.Count > 0);

        Assert.Equal(trace, result.Json.GetProperty("traceEnvironment").GetString());
        var line = Assert.Single(host.JsonLines, l => l.TryGetProperty("message", out var m) && m.GetString() == "Context requested.");
        Assert.Equal(result.RequestId, line.GetProperty("requestId").GetString());
    }

    [Fact]
    public async Task The_AOT_bootstrap_posts_an_init_error_for_an_unknown_HANDLER_and_exits_with_1()
    {
        await using var host = await ChildHost.StartAsync(AotBootstrapFixture.BinaryPath, [], "no-such-handler");

        var error = await host.Api.InitErrors.ReadAsync().AsTask().WaitAsync(Patience);

        Assert.Equal(RuntimeErrorTypes.HandlerNotFound, error.ErrorTypeHeader);
        Assert.Equal(1, await host.ExitCodeAsync(Patience));
    }

    [Fact]
    public void The_AOT_bootstrap_needs_no_glibc_newer_than_Amazon_Linux_2023s_2_34()
    {
        var needs = ElfSymbolVersions.Read(AotBootstrapFixture.BinaryPath);

        var offenders = GlibcRequirement.Offenders(needs, AmazonLinux2023Glibc);
        output.WriteLine($"newest glibc version needed: {GlibcRequirement.Newest(needs)}; libraries: {string.Join(", ", needs.Select(n => n.Library).Distinct())}");

        Assert.Contains(needs, n => n.GlibcVersion is not null);
        Assert.True(offenders.Count == 0, $"Symbols needing a glibc newer than {AmazonLinux2023Glibc}: {string.Join(", ", offenders)}");
    }

    [Fact]
    public void The_AOT_bootstrap_is_at_most_30_MB()
    {
        var size = new FileInfo(AotBootstrapFixture.BinaryPath).Length;
        output.WriteLine($"bootstrap: {size / 1024.0 / 1024.0:F1} MiB");

        Assert.InRange(size, 1, MaxBinaryBytes);
    }

    [Fact]
    public async Task The_ELF_reader_finds_the_same_version_needs_as_readelf()
    {
        var start = new ProcessStartInfo("readelf", ["-V", "-W", AotBootstrapFixture.BinaryPath]) { RedirectStandardOutput = true };
        using var readelf = Process.Start(start)!;
        var text = await readelf.StandardOutput.ReadToEndAsync();
        await readelf.WaitForExitAsync();
        var fromReadelf = text.Split('\n')
            .SkipWhile(l => !l.StartsWith("Version needs section", StringComparison.Ordinal))
            .Select(l => l.Split("Name: ", 2))
            .Where(parts => parts.Length == 2 && parts[1].Contains("Flags:", StringComparison.Ordinal))
            .Select(parts => parts[1].Split(' ', 2)[0])
            .Order(StringComparer.Ordinal);

        var ours = ElfSymbolVersions.Read(AotBootstrapFixture.BinaryPath);

        Assert.Equal(fromReadelf, ours.Select(n => n.Version).Order(StringComparer.Ordinal));
        Assert.Equal(await ReadelfUndefinedSymbols(), ours.SelectMany(n => n.Symbols.Select(s => $"{s}@{n.Version}")).Order(StringComparer.Ordinal));
    }

    /// <summary><c>name@VERSION</c> of every undefined, versioned dynamic symbol, as <c>readelf --dyn-syms</c> lists them.</summary>
    private static async Task<IEnumerable<string>> ReadelfUndefinedSymbols()
    {
        var start = new ProcessStartInfo("readelf", ["--dyn-syms", "-W", AotBootstrapFixture.BinaryPath]) { RedirectStandardOutput = true };
        using var readelf = Process.Start(start)!;
        var text = await readelf.StandardOutput.ReadToEndAsync();
        await readelf.WaitForExitAsync();
        return text.Split('\n')
            .Select(l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .Where(f => f.Length >= 8 && f[6] == "UND" && f[7].Contains('@', StringComparison.Ordinal))
            .Select(f => f[7])
            .Order(StringComparer.Ordinal);
    }
}
