using System.Buffers;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace ContinuousImprovement.Host.Runtime;

/// <summary>
/// Lambda's standard error body, <c>{"errorMessage","errorType","stackTrace":[...]}</c>, with the inner
/// exception as <c>cause</c> (the shape the AWS .NET runtime also sends).
/// </summary>
public sealed record ErrorReport(string ErrorType, string ErrorMessage, IReadOnlyList<string> StackTrace, ErrorReport? Cause = null)
{
    private const int MaxCauseDepth = 4;

    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>The error type is the exception's type name, as the AWS .NET runtime reports it.</summary>
    public static ErrorReport From(Exception exception) => From(exception, 0);

    public byte[] ToJson()
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var writer = new Utf8JsonWriter(buffer, WriterOptions))
        {
            Write(writer);
        }

        return buffer.WrittenSpan.ToArray();
    }

    public void Write(Utf8JsonWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStartObject();
        writer.WriteString("errorMessage", ErrorMessage);
        writer.WriteString("errorType", ErrorType);
        writer.WriteStartArray("stackTrace");
        foreach (var line in StackTrace)
        {
            writer.WriteStringValue(line);
        }

        writer.WriteEndArray();
        if (Cause is not null)
        {
            writer.WritePropertyName("cause");
            Cause.Write(writer);
        }

        writer.WriteEndObject();
    }

    private static ErrorReport From(Exception exception, int depth)
    {
        ArgumentNullException.ThrowIfNull(exception);
        if (exception is NamedErrorException named)
        {
            return new ErrorReport(named.ErrorType, named.Message, []);
        }

        var lines = exception.StackTrace?.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) ?? [];
        var cause = exception.InnerException is { } inner && depth < MaxCauseDepth ? From(inner, depth + 1) : null;
        return new ErrorReport(exception.GetType().Name, exception.Message, lines, cause);
    }
}
