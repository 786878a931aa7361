using System.Collections.Concurrent;
using System.Net;
using System.Text;

namespace ContinuousImprovement.Aws.Tests.Peers;

/// <summary>A request as it reached the loopback server.</summary>
internal sealed record ReceivedRequest(string Method, string PathAndQuery, IReadOnlyDictionary<string, string> Headers, string Body)
{
    public string? Header(string name) => Headers.TryGetValue(name, out var value) ? value : null;
}

/// <summary>
/// A real HTTP server on 127.0.0.1 (a free port) that answers from a queue of canned responses (status, headers,
/// body; raw files like shared/aws/wire-examples included) and records every request, so adapter tests see the exact
/// bytes a client sent over a socket.
/// </summary>
internal sealed class LoopbackServer : IDisposable
{
    private readonly HttpListener listener = new();
    private readonly ConcurrentQueue<(int Status, (string Name, string Value)[] Headers, string Body)> responses = new();
    private readonly Task serving;

    public LoopbackServer()
    {
        for (var attempt = 0; ; attempt++)
        {
            Port = NodePeer.FreePort();
            listener.Prefixes.Clear();
            listener.Prefixes.Add($"http://127.0.0.1:{Port}/");
            try
            {
                listener.Start();
                break;
            }
            catch (HttpListenerException) when (attempt < 5)
            {
            }
        }

        serving = Task.Run(ServeAsync);
    }

    public int Port { get; }

    public Uri Url => new($"http://127.0.0.1:{Port}/");

    public ConcurrentQueue<ReceivedRequest> Received { get; } = new();

    public ReceivedRequest Single => Assert.Single(Received);

    public LoopbackServer Respond(int status, string body, params (string Name, string Value)[] headers)
    {
        responses.Enqueue((status, headers, body));
        return this;
    }

    /// <summary>Answers with a raw HTTP response (status line, headers, blank line, body).</summary>
    public LoopbackServer RespondRaw(string raw)
    {
        var text = raw.Replace("\r\n", "\n", StringComparison.Ordinal);
        var split = text.IndexOf("\n\n", StringComparison.Ordinal);
        var head = (split < 0 ? text : text[..split]).Split('\n');
        var body = split < 0 ? "" : text[(split + 2)..];
        var status = int.Parse(head[0].Split(' ')[1], System.Globalization.CultureInfo.InvariantCulture);
        var headers = head.Skip(1).Where(l => l.Length > 0).Select(l => (l[..l.IndexOf(':', StringComparison.Ordinal)], l[(l.IndexOf(':', StringComparison.Ordinal) + 1)..].Trim())).ToArray();
        return Respond(status, body, headers);
    }

    public LoopbackServer RespondWireExample(string file) => RespondRaw(File.ReadAllText(AwsFixtures.Shared("wire-examples", file)));

    private async Task ServeAsync()
    {
        while (listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await listener.GetContextAsync();
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }

            using var reader = new StreamReader(context.Request.InputStream, Encoding.UTF8);
            var body = await reader.ReadToEndAsync();
            var headers = context.Request.Headers.AllKeys.Where(k => k is not null)
                .ToDictionary(k => k!, k => context.Request.Headers[k]!, StringComparer.OrdinalIgnoreCase);
            Received.Enqueue(new ReceivedRequest(context.Request.HttpMethod, context.Request.RawUrl ?? "/", headers, body));

            var (status, responseHeaders, responseBody) = responses.TryDequeue(out var canned)
                ? canned
                : (599, [], "no canned response left");
            var response = context.Response;
            response.StatusCode = status;
            foreach (var (name, value) in responseHeaders)
            {
                if (string.Equals(name, "content-length", StringComparison.OrdinalIgnoreCase))
                {
                    continue;
                }

                response.Headers[name] = value;
            }

            var bytes = Encoding.UTF8.GetBytes(responseBody);
            response.ContentLength64 = bytes.Length;
            await response.OutputStream.WriteAsync(bytes);
            response.Close();
        }
    }

    public void Dispose()
    {
        // Stop then Close would unbind the port and then bind it again to remove the prefix a second time,
        // which fails when another test has meanwhile been given that free port. Close alone unbinds once.
        try
        {
            listener.Close();
        }
        catch (HttpListenerException)
        {
            // The port is already released; nothing of this server is left to clean up.
        }

        _ = serving;
    }
}
