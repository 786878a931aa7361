using System.Globalization;
using System.Text.Json;

namespace ContinuousImprovement.Host.Observability;

/// <summary>
/// Structured logs in Lambda's JSON log format: one object per line with <c>timestamp</c> (ISO 8601 UTC,
/// milliseconds), <c>level</c>, <c>message</c>, <c>requestId</c> inside an invocation, the caller's
/// properties, and <c>errorType</c>/<c>errorMessage</c>/<c>stackTrace</c> for an exception. Lines below the
/// minimum level (<c>AWS_LAMBDA_LOG_LEVEL</c>) are not written at all.
/// </summary>
/// <example><c>{"timestamp":"2026-11-24T10:15:02.113Z","level":"INFO","message":"Filed image","requestId":"8f…","label":"cat"}</c></example>
public sealed class LambdaLogger
{
    private readonly LogSink sink;
    private readonly TimeProvider time;

    public LambdaLogger(LogSink sink, LogLevel minimumLevel, TimeProvider time, string? requestId = null)
    {
        ArgumentNullException.ThrowIfNull(sink);
        ArgumentNullException.ThrowIfNull(time);
        this.sink = sink;
        this.time = time;
        MinimumLevel = minimumLevel;
        RequestId = requestId;
    }

    public LogLevel MinimumLevel { get; }

    public string? RequestId { get; }

    /// <summary>The same sink and level, stamping every line with <paramref name="requestId"/>.</summary>
    public LambdaLogger ForRequest(string requestId) => new(sink, MinimumLevel, time, requestId);

    public bool IsEnabled(LogLevel level) => level >= MinimumLevel;

    public void Trace(string message, params ReadOnlySpan<(string Name, object? Value)> properties) => Log(LogLevel.Trace, message, null, properties);

    public void Debug(string message, params ReadOnlySpan<(string Name, object? Value)> properties) => Log(LogLevel.Debug, message, null, properties);

    public void Info(string message, params ReadOnlySpan<(string Name, object? Value)> properties) => Log(LogLevel.Info, message, null, properties);

    public void Warn(string message, params ReadOnlySpan<(string Name, object? Value)> properties) => Log(LogLevel.Warn, message, null, properties);

    public void Error(string message, Exception? exception = null, params ReadOnlySpan<(string Name, object? Value)> properties) => Log(LogLevel.Error, message, exception, properties);

    public void Fatal(string message, Exception? exception = null, params ReadOnlySpan<(string Name, object? Value)> properties) => Log(LogLevel.Fatal, message, exception, properties);

    public void Log(LogLevel level, string message, Exception? exception, params ReadOnlySpan<(string Name, object? Value)> properties)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (!IsEnabled(level))
        {
            return;
        }

        // The span cannot enter the sink's callback, so the properties travel as an array (rare, small).
        var line = new LogLine(time.GetUtcNow(), level, message, RequestId, exception, properties.ToArray());
        sink.WriteLine(level >= LogLevel.Warn, line, static (writer, line) => line.Write(writer));
    }

    private sealed record LogLine(DateTimeOffset Timestamp, LogLevel Level, string Message, string? RequestId, Exception? Exception, (string Name, object? Value)[] Properties)
    {
        public void Write(Utf8JsonWriter writer)
        {
            Span<char> stamp = stackalloc char[24];
            Timestamp.UtcDateTime.TryFormat(stamp, out var length, "yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
            writer.WriteStartObject();
            writer.WriteString("timestamp", stamp[..length]);
            writer.WriteString("level", LogLevels.Name(Level));
            writer.WriteString("message", Message);
            if (RequestId is not null)
            {
                writer.WriteString("requestId", RequestId);
            }

            foreach (var (name, value) in Properties)
            {
                writer.WritePropertyName(name);
                WriteValue(writer, value);
            }

            if (Exception is not null)
            {
                // A caller that names the errorType Lambda reported (e.g. Port.Throttled) keeps it; the exception's own
                // type then goes beside it, as a line with one key twice is read differently by each parser.
                writer.WriteString(Given("errorType") ? "exceptionType" : "errorType", Exception.GetType().Name);
                writer.WriteString(Given("errorMessage") ? "exceptionMessage" : "errorMessage", Exception.Message);
                writer.WriteStartArray("stackTrace");
                foreach (var frame in Exception.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
                {
                    writer.WriteStringValue(frame);
                }

                writer.WriteEndArray();
            }

            writer.WriteEndObject();
        }

        private bool Given(string name) => Properties.Any(p => p.Name == name);

        // No reflection: the handful of value kinds a log property holds, everything else as its text.
        private static void WriteValue(Utf8JsonWriter writer, object? value)
        {
            switch (value)
            {
                case null: writer.WriteNullValue(); break;
                case string s: writer.WriteStringValue(s); break;
                case bool b: writer.WriteBooleanValue(b); break;
                case int i: writer.WriteNumberValue(i); break;
                case long l: writer.WriteNumberValue(l); break;
                case double d when double.IsFinite(d): writer.WriteNumberValue(d); break;
                case decimal m: writer.WriteNumberValue(m); break;
                case TimeSpan t: writer.WriteNumberValue(t.TotalMilliseconds); break;
                case DateTimeOffset o: writer.WriteStringValue(o); break;
                case IFormattable f: writer.WriteStringValue(f.ToString(null, CultureInfo.InvariantCulture)); break;
                default: writer.WriteStringValue(value.ToString()); break;
            }
        }
    }
}
