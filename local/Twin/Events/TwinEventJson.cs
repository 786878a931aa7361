using System.Text;
using System.Text.Json;

namespace ContinuousImprovement.Local.Twin.Events;

/// <summary>The EventBridge envelope every twin event shares (version, id, detail-type, source, account, time, region, resources, detail).</summary>
internal static class TwinEventJson
{
    /// <summary>The account and region the twin pretends to be in; ARNs in events and executions use them.</summary>
    public const string Account = "000000000000";
    public const string Region = "local-1";

    public static string Write(string detailType, string source, DateTimeOffset at, IReadOnlyList<string> resources, Action<Utf8JsonWriter> detail)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("version", "0");
            json.WriteString("id", Guid.NewGuid().ToString());
            json.WriteString("detail-type", detailType);
            json.WriteString("source", source);
            json.WriteString("account", Account);
            json.WriteString("time", at.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", System.Globalization.CultureInfo.InvariantCulture));
            json.WriteString("region", Region);
            json.WriteStartArray("resources");
            foreach (var resource in resources)
            {
                json.WriteStringValue(resource);
            }

            json.WriteEndArray();
            json.WriteStartObject("detail");
            detail(json);
            json.WriteEndObject();
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }
}
