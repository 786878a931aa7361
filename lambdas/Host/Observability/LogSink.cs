using System.Buffers;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace ContinuousImprovement.Host.Observability;

/// <summary>
/// Where log lines and EMF documents go: one JSON object per line, each written with a single call under a
/// lock, so concurrent writers never interleave and Lambda sees every line as one log event.
/// </summary>
public sealed class LogSink
{
    // Log lines are read by people and CloudWatch, not embedded in HTML: keep non-ASCII and '<' readable.
    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private readonly Lock gate = new();
    private readonly Stream output;
    private readonly Stream errors;
    private readonly ArrayBufferWriter<byte> buffer = new(1024);

    /// <param name="output">Stdout in Lambda: INFO and below, and metrics.</param>
    /// <param name="errors">Stderr in Lambda: WARN and above.</param>
    public LogSink(Stream output, Stream errors)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(errors);
        this.output = output;
        this.errors = errors;
    }

    public static LogSink ForConsole() => new(Console.OpenStandardOutput(), Console.OpenStandardError());

    /// <summary>Writes one line: <paramref name="write"/> writes exactly one JSON value.</summary>
    public void WriteLine<TState>(bool toErrors, TState state, Action<Utf8JsonWriter, TState> write)
    {
        ArgumentNullException.ThrowIfNull(write);
        lock (gate)
        {
            buffer.ResetWrittenCount();
            using (var writer = new Utf8JsonWriter(buffer, WriterOptions))
            {
                write(writer, state);
            }

            buffer.Write("\n"u8);
            var target = toErrors ? errors : output;
            target.Write(buffer.WrittenSpan);
            target.Flush();
        }
    }
}
