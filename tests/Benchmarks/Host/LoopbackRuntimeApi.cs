using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Threading.Channels;

namespace ContinuousImprovement.Benchmarks.Host;

/// <summary>
/// Just enough of the Lambda Runtime API, over raw HTTP/1.1 keep-alive sockets on 127.0.0.1, for the host
/// benchmark: a Kestrel server would add its own cost and a framework reference the benchmark project does
/// not have. Serves <c>invocation/next</c> from a queue and completes each queued invocation when the host
/// posts its <c>response</c> or <c>error</c>.
/// </summary>
internal sealed class LoopbackRuntimeApi : IDisposable
{
    private static readonly byte[] HeaderEnd = "\r\n\r\n"u8.ToArray();
    private static readonly byte[] Accepted = Encoding.ASCII.GetBytes("HTTP/1.1 202 Accepted\r\nContent-Type: application/json\r\nContent-Length: 15\r\n\r\n{\"status\":\"OK\"}");

    private readonly TcpListener listener = new(IPAddress.Loopback, 0);
    private readonly Channel<Pending> queue = Channel.CreateUnbounded<Pending>();
    private readonly Dictionary<string, Pending> handedOut = new(StringComparer.Ordinal);
    private readonly Lock gate = new();
    private readonly CancellationTokenSource stop = new();
    private long nextId;

    public LoopbackRuntimeApi()
    {
        listener.Start();
        _ = AcceptAsync();
    }

    /// <summary><c>host:port</c> for <c>AWS_LAMBDA_RUNTIME_API</c>.</summary>
    public string Address => $"127.0.0.1:{((IPEndPoint)listener.LocalEndpoint).Port}";

    /// <summary>Queues one event; the task completes with true for a response, false for an error.</summary>
    public Task<bool> Enqueue(byte[] payload)
    {
        var pending = new Pending($"bench-{Interlocked.Increment(ref nextId)}", payload);
        queue.Writer.TryWrite(pending);
        return pending.Answered.Task;
    }

    public void Dispose()
    {
        stop.Cancel();
        listener.Stop();
        stop.Dispose();
    }

    private async Task AcceptAsync()
    {
        while (!stop.IsCancellationRequested)
        {
            Socket socket;
            try
            {
                socket = await listener.AcceptSocketAsync(stop.Token);
            }
            catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                return;
            }

            socket.NoDelay = true;
            _ = ServeAsync(socket);
        }
    }

    private async Task ServeAsync(Socket socket)
    {
        using var stream = new NetworkStream(socket, ownsSocket: true);
        var buffer = new byte[64 * 1024];
        int start = 0, end = 0;
        try
        {
            while (true)
            {
                int headerLength;
                while ((headerLength = buffer.AsSpan(start, end - start).IndexOf(HeaderEnd)) < 0)
                {
                    (buffer, start, end) = MakeRoom(buffer, start, end, 4096);
                    var read = await stream.ReadAsync(buffer.AsMemory(end), stop.Token);
                    if (read == 0)
                    {
                        return;
                    }

                    end += read;
                }

                var head = Encoding.ASCII.GetString(buffer, start, headerLength);
                var bodyStart = start + headerLength + HeaderEnd.Length;
                var contentLength = ContentLength(head);
                while (end - bodyStart < contentLength)
                {
                    var offset = bodyStart - start;
                    (buffer, start, end) = MakeRoom(buffer, start, end, contentLength - (end - bodyStart));
                    bodyStart = start + offset;
                    var read = await stream.ReadAsync(buffer.AsMemory(end), stop.Token);
                    if (read == 0)
                    {
                        return;
                    }

                    end += read;
                }

                start = bodyStart + contentLength;
                await AnswerAsync(stream, head[..head.IndexOf('\r', StringComparison.Ordinal)]);
            }
        }
        catch (Exception e) when (e is IOException or OperationCanceledException or SocketException or ObjectDisposedException)
        {
            // The host process was killed, or the benchmark is over.
        }
    }

    private async Task AnswerAsync(NetworkStream stream, string requestLine)
    {
        var parts = requestLine.Split(' ');
        var path = parts[1];
        if (parts[0] == "GET" && path.EndsWith("/invocation/next", StringComparison.Ordinal))
        {
            var pending = await queue.Reader.ReadAsync(stop.Token);
            lock (gate)
            {
                handedOut[pending.RequestId] = pending;
            }

            var deadline = DateTimeOffset.UtcNow.AddSeconds(30).ToUnixTimeMilliseconds();
            var header = Encoding.ASCII.GetBytes(string.Create(CultureInfo.InvariantCulture,
                $"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nLambda-Runtime-Aws-Request-Id: {pending.RequestId}\r\nLambda-Runtime-Deadline-Ms: {deadline}\r\nLambda-Runtime-Invoked-Function-Arn: arn:aws:lambda:eu-west-1:123456789012:function:bench\r\nLambda-Runtime-Trace-Id: Root=1-00000000-000000000000000000000000;Sampled=0\r\nContent-Length: {pending.Payload.Length}\r\n\r\n"));
            var message = new byte[header.Length + pending.Payload.Length];
            header.CopyTo(message, 0);
            pending.Payload.CopyTo(message, header.Length);
            await stream.WriteAsync(message, stop.Token);
            return;
        }

        await stream.WriteAsync(Accepted, stop.Token);
        var segments = path.Split('/');
        if (parts[0] == "POST" && segments.Length >= 2 && segments[^1] is "response" or "error")
        {
            Pending? pending;
            lock (gate)
            {
                handedOut.Remove(Uri.UnescapeDataString(segments[^2]), out pending);
            }

            pending?.Answered.TrySetResult(segments[^1] == "response");
        }
    }

    private static int ContentLength(string head)
    {
        foreach (var line in head.Split("\r\n"))
        {
            if (line.StartsWith("Content-Length:", StringComparison.OrdinalIgnoreCase))
            {
                return int.Parse(line.AsSpan("Content-Length:".Length).Trim(), CultureInfo.InvariantCulture);
            }
        }

        return 0;
    }

    /// <summary>Moves unread bytes to the front and grows the buffer until <paramref name="needed"/> more bytes fit.</summary>
    private static (byte[] Buffer, int Start, int End) MakeRoom(byte[] buffer, int start, int end, int needed)
    {
        var unread = end - start;
        if (buffer.Length - end >= needed && buffer.Length - end > 0)
        {
            return (buffer, start, end);
        }

        var target = buffer.Length - unread >= needed ? buffer : new byte[Math.Max(buffer.Length * 2, unread + needed)];
        Buffer.BlockCopy(buffer, start, target, 0, unread);
        return (target, 0, unread);
    }

    private sealed record Pending(string RequestId, byte[] Payload)
    {
        public TaskCompletionSource<bool> Answered { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
