using System.Net;
using System.Text;

namespace ContinuousImprovement.Aws.Tests.Runtime;

/// <summary>A recorded request as it left the client: method, URI, every header and the body.</summary>
internal sealed record SentRequest(string Method, Uri Uri, IReadOnlyDictionary<string, string> Headers, byte[] Body)
{
    public string BodyText => Encoding.UTF8.GetString(Body);
}

/// <summary>An HTTP handler that answers from a queue of canned responses and records what it was sent; no network.</summary>
internal sealed class FakeAws : HttpMessageHandler
{
    private readonly Queue<Func<HttpResponseMessage>> _responses = new();

    public List<SentRequest> Sent { get; } = [];

    public FakeAws Respond(int status, string body, params (string Name, string Value)[] headers)
    {
        _responses.Enqueue(() =>
        {
            var response = new HttpResponseMessage((HttpStatusCode)status) { Content = new ByteArrayContent(Encoding.UTF8.GetBytes(body)) };
            foreach (var (name, value) in headers)
            {
                if (!response.Headers.TryAddWithoutValidation(name, value))
                {
                    response.Content.Headers.TryAddWithoutValidation(name, value);
                }
            }
            return response;
        });
        return this;
    }

    /// <summary>Answers with a raw HTTP response file (status line, headers, blank line, body) like shared/aws/wire-examples.</summary>
    public FakeAws RespondRaw(string raw)
    {
        var text = raw.Replace("\r\n", "\n", StringComparison.Ordinal);
        var split = text.IndexOf("\n\n", StringComparison.Ordinal);
        var head = (split < 0 ? text : text[..split]).Split('\n');
        var body = split < 0 ? "" : text[(split + 2)..];
        var status = int.Parse(head[0].Split(' ')[1], System.Globalization.CultureInfo.InvariantCulture);
        var headers = head.Skip(1).Where(l => l.Length > 0).Select(l => (l[..l.IndexOf(':', StringComparison.Ordinal)], l[(l.IndexOf(':', StringComparison.Ordinal) + 1)..].Trim())).ToArray();
        return Respond(status, body, headers);
    }

    public FakeAws Fail(Exception exception)
    {
        _responses.Enqueue(() => throw exception);
        return this;
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var headers = request.Headers.Concat(request.Content?.Headers ?? Enumerable.Empty<KeyValuePair<string, IEnumerable<string>>>())
            .ToDictionary(h => h.Key, h => string.Join(", ", h.Value), StringComparer.OrdinalIgnoreCase);
        var body = request.Content is null ? [] : await request.Content.ReadAsByteArrayAsync(cancellationToken);
        Sent.Add(new SentRequest(request.Method.Method, request.RequestUri!, headers, body));
        return _responses.Count > 0 ? _responses.Dequeue()() : throw new InvalidOperationException("No canned response left.");
    }
}
