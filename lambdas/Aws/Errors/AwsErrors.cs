using System.Globalization;
using System.Text;
using ContinuousImprovement.Aws.Protocols;

namespace ContinuousImprovement.Aws.Errors;

/// <summary>Builds <see cref="AwsServiceError"/> values from responses, including the ones whose body nobody can read.</summary>
public static class AwsErrors
{
    private const int SnippetLength = 160;

    /// <summary>An error response: the code AWS sent, else "Http{status}" with a snippet of what came instead.</summary>
    public static AwsServiceError FromResponse(string service, AwsErrorDetails details, AwsHttpResponse response)
    {
        ArgumentNullException.ThrowIfNull(details);
        ArgumentNullException.ThrowIfNull(response);
        var code = details.Code ?? $"Http{response.StatusCode.ToString(CultureInfo.InvariantCulture)}";
        var message = details.Message
            ?? (details.Code is null
                ? $"AWS answered HTTP {response.StatusCode} without an error code we could read; body {Describe(response.Body)}."
                : "(no message)");
        if (AwsErrorClassifier.KindOf(code, message, response.StatusCode) == AwsErrorKind.ClockSkew)
        {
            message += $" The request was signed with this machine's clock; AWS's clock said {response.Header("Date") ?? "(no Date header)"}."
                + " The next attempt is signed with the corrected time; if this repeats, check the machine's time sync.";
        }
        return new AwsServiceError(service, code, message, response.StatusCode, details.RequestId, AwsErrorClassifier.KindOf(code, message, response.StatusCode));
    }

    /// <summary>A 2xx response whose body is not what the protocol promised (not JSON/XML, or cut off).</summary>
    public static AwsServiceError Malformed(string service, string operation, AwsHttpResponse response, Exception reason, string? requestId)
    {
        ArgumentNullException.ThrowIfNull(response);
        ArgumentNullException.ThrowIfNull(reason);
        var message = $"{operation} succeeded (HTTP {response.StatusCode}) but its response could not be read: {reason.Message} Body {Describe(response.Body)}.";
        return new AwsServiceError(service, AwsErrorClassifier.MalformedResponse, message, response.StatusCode, requestId, AwsErrorKind.Unknown);
    }

    /// <summary>"empty", or its length and first characters, e.g. "of 1234 bytes starting '&lt;html&gt;&lt;body&gt;Bad Gateway'".</summary>
    public static string Describe(ReadOnlyMemory<byte> body)
    {
        if (body.IsEmpty)
        {
            return "was empty";
        }
        var text = Encoding.UTF8.GetString(body.Span[..Math.Min(body.Length, SnippetLength)]).ReplaceLineEndings(" ");
        return $"of {body.Length} bytes starting '{text}'";
    }
}
