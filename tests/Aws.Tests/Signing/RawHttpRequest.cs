using System.Text;

namespace ContinuousImprovement.Aws.Tests.Signing;

/// <summary>Reads the raw HTTP requests of the test suites (.req, .sreq): request line, headers (folded lines joined), body.</summary>
internal static class RawHttpRequest
{
    public static SignableRequest Parse(string text, Func<string, bool>? keepHeader = null)
    {
        var normalized = text.Replace("\r\n", "\n", StringComparison.Ordinal);
        var split = normalized.IndexOf("\n\n", StringComparison.Ordinal);
        var head = split < 0 ? normalized : normalized[..split];
        var body = split < 0 ? "" : normalized[(split + 2)..];
        var lines = head.Split('\n');
        var requestLine = lines[0];
        var method = requestLine[..requestLine.IndexOf(' ', StringComparison.Ordinal)];
        var target = requestLine[(method.Length + 1)..requestLine.LastIndexOf(" HTTP/", StringComparison.Ordinal)];
        var question = target.IndexOf('?', StringComparison.Ordinal);
        var path = question < 0 ? target : target[..question];
        var query = question < 0 ? "" : target[(question + 1)..];
        var headers = new List<KeyValuePair<string, string>>();
        foreach (var line in lines.Skip(1))
        {
            if (line.Length > 0 && char.IsWhiteSpace(line[0]) && headers.Count > 0)
            {
                var last = headers[^1];
                headers[^1] = new(last.Key, last.Value + " " + line.Trim());
                continue;
            }
            if (line.Length == 0)
            {
                continue;
            }
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            var name = line[..colon];
            if (keepHeader is null || keepHeader(name))
            {
                headers.Add(new(name, line[(colon + 1)..].Trim()));
            }
        }
        return new SignableRequest(method, path, query, headers, Encoding.UTF8.GetBytes(body));
    }

    public static string Body(string sreq)
    {
        var normalized = sreq.Replace("\r\n", "\n", StringComparison.Ordinal);
        var split = normalized.IndexOf("\n\n", StringComparison.Ordinal);
        return split < 0 ? "" : normalized[(split + 2)..];
    }
}
