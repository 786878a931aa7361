using System.Text.Json;

namespace ContinuousImprovement.Aws.Protocols;

/// <summary>
/// Error code and message of the JSON protocols. The code comes from the X-Amzn-ErrorType header, else the body's
/// __type or code; either may carry a namespace and a URI, e.g. "aws.protocoltests.restjson#FooError:http://..." → "FooError".
/// </summary>
internal static class JsonErrorReader
{
    public static AwsErrorDetails Read(AwsHttpResponse response)
    {
        JsonElement body = default;
        var parsed = false;
        try
        {
            if (!response.Body.IsEmpty)
            {
                using var document = JsonDocument.Parse(response.Body);
                body = document.RootElement.Clone();
                parsed = body.ValueKind == JsonValueKind.Object;
            }
        }
        catch (JsonException)
        {
            // A proxy's HTML page or a cut-off body: the caller reports the status and a snippet instead.
        }
        var code = response.Header("x-amzn-ErrorType")
            ?? (parsed ? Text(body, "__type") ?? Text(body, "code") ?? Text(body, "Code") : null);
        var message = parsed ? Text(body, "message") ?? Text(body, "Message") ?? Text(body, "errorMessage") : null;
        return new AwsErrorDetails(Sanitize(code), message, RequestId(response));
    }

    public static string? RequestId(AwsHttpResponse response) =>
        response.Header("x-amzn-RequestId") ?? response.Header("x-amz-request-id") ?? response.Header("x-amz-id-2");

    public static string? Sanitize(string? code)
    {
        if (string.IsNullOrWhiteSpace(code))
        {
            return null;
        }
        var text = code;
        var colon = text.IndexOf(':', StringComparison.Ordinal);
        if (colon >= 0)
        {
            text = text[..colon];
        }
        var hash = text.LastIndexOf('#');
        if (hash >= 0)
        {
            text = text[(hash + 1)..];
        }
        return text.Trim();
    }

    private static string? Text(JsonElement body, string name) =>
        body.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
