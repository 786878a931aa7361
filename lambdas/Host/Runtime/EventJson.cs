using System.Text;
using System.Text.Json;

namespace ContinuousImprovement.Host.Runtime;

/// <summary>
/// Parsing for handlers that expect JSON: a malformed event fails the invocation with an
/// <see cref="InvalidEventException"/> that quotes the start of the event, instead of a bare JsonException.
/// </summary>
public static class EventJson
{
    private const int QuotedBytes = 80;

    /// <exception cref="InvalidEventException">The event is not a single JSON value.</exception>
    public static JsonDocument Parse(ReadOnlyMemory<byte> payload, string handlerName)
    {
        try
        {
            return JsonDocument.Parse(payload);
        }
        catch (JsonException e)
        {
            throw new InvalidEventException($"Handler '{handlerName}' expects a JSON event, but the event ({payload.Length} bytes, starting '{Quote(payload.Span)}') is not JSON: {e.Message}", e);
        }
    }

    /// <summary>The first bytes of the event as printable text: control characters become '?'.</summary>
    public static string Quote(ReadOnlySpan<byte> payload)
    {
        var head = Encoding.UTF8.GetString(payload[..Math.Min(payload.Length, QuotedBytes)]);
        var printable = string.Create(head.Length, head, static (span, text) =>
        {
            for (var i = 0; i < text.Length; i++)
            {
                span[i] = char.IsControl(text[i]) ? '?' : text[i];
            }
        });
        return payload.Length > QuotedBytes ? printable + "…" : printable;
    }
}
