using System.Globalization;
using System.Text.Json;

namespace ContinuousImprovement.Infra;

/// <summary>
/// JSON text (an event pattern from <c>WorkflowTriggers</c>) as the plain objects CDK renders into the template, so
/// the deployed pattern is the one Core compiles and the twin routes with, not a restatement of it. CDK tokens inside
/// strings (the bucket's name, the flow definition's ARN) survive as they are and resolve at synth.
/// </summary>
internal static class PatternObjects
{
    public static object From(string json)
    {
        using var document = JsonDocument.Parse(json);
        return From(document.RootElement, "$");
    }

    private static object From(JsonElement element, string path) => element.ValueKind switch
    {
        JsonValueKind.Object => element.EnumerateObject().ToDictionary(p => p.Name, p => From(p.Value, path + "." + p.Name), StringComparer.Ordinal),
        JsonValueKind.Array => element.EnumerateArray().Select((e, i) => From(e, $"{path}[{i}]")).ToArray(),
        JsonValueKind.String => element.GetString()!,
        JsonValueKind.Number => element.GetDouble(),
        JsonValueKind.True => true,
        JsonValueKind.False => false,

        // jsii cannot carry a JSON null inside an object; no product rule matches on null.
        _ => throw new NotSupportedException(string.Create(CultureInfo.InvariantCulture, $"The pattern has {element.ValueKind} at {path}, which the stack cannot deploy.")),
    };
}
