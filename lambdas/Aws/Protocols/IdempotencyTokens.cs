using System.Text.Json;
using ContinuousImprovement.Aws.Model;

namespace ContinuousImprovement.Aws.Protocols;

/// <summary>Fills top-level idempotency-token members the caller left unset, as botocore does, so a retried call is deduplicated.</summary>
internal static class IdempotencyTokens
{
    public static JsonElement? Fill(Shape? input, JsonElement? parameters, Func<string> newToken)
    {
        var missing = input?.Members
            .Where(m => m.IdempotencyToken && !(parameters is { ValueKind: JsonValueKind.Object } p && p.TryGetProperty(m.Name, out var v) && v.ValueKind != JsonValueKind.Null))
            .ToList();
        if (missing is null || missing.Count == 0)
        {
            return parameters;
        }
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            if (parameters is { ValueKind: JsonValueKind.Object } existing)
            {
                foreach (var property in existing.EnumerateObject())
                {
                    property.WriteTo(writer);
                }
            }
            foreach (var member in missing)
            {
                writer.WriteString(member.Name, newToken());
            }
            writer.WriteEndObject();
        }
        using var document = JsonDocument.Parse(buffer.ToArray());
        return document.RootElement.Clone();
    }
}
