using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Json;

using Fluid;
using Fluid.Values;

namespace ContinuousImprovement.Local.Portal;

/// <summary>
/// JSON to Liquid values and back, without reflection: the loop's input document becomes <c>task.input</c>, and
/// <c>to_json</c> turns a Liquid value into JSON text.
/// </summary>
internal static class LiquidValues
{
    public static FluidValue FromJson(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Object => new DictionaryValue(new FluidValueDictionaryFluidIndexable(
            element.EnumerateObject().GroupBy(p => p.Name, StringComparer.Ordinal)
                // JSON allows a name twice; as JavaScript does, the last one counts.
                .ToDictionary(g => g.Key, g => FromJson(g.Last().Value), StringComparer.Ordinal))),
        JsonValueKind.Array => new ArrayValue(element.EnumerateArray().Select(FromJson).ToList()),
        JsonValueKind.String => new StringValue(element.GetString()),
        JsonValueKind.Number => element.TryGetDecimal(out var number)
            ? NumberValue.Create(number)
            // Beyond decimal's range (1e300): shown as written rather than failing the page.
            : new StringValue(element.GetRawText()),
        JsonValueKind.True => BooleanValue.True,
        JsonValueKind.False => BooleanValue.False,
        _ => NilValue.Instance,
    };

    /// <summary>
    /// The value as JSON; characters that mean something in HTML or a script are \u-escaped inside strings, so
    /// the text is safe in a single-quoted attribute as well.
    /// </summary>
    public static string ToJson(FluidValue value, TemplateContext context)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var json = new Utf8JsonWriter(buffer))
        {
            Write(json, value, context, depth: 0);
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    private static void Write(Utf8JsonWriter json, FluidValue value, TemplateContext context, int depth)
    {
        // Input documents are at most 64 deep (the JSON reader's limit); deeper means a cycle built in the template.
        if (depth > 64)
        {
            throw new InvalidOperationException("to_json: the value nests deeper than 64 levels.");
        }

        switch (value.Type)
        {
            case FluidValues.Nil or FluidValues.Empty or FluidValues.Blank:
                json.WriteNullValue();
                break;
            case FluidValues.Boolean:
                json.WriteBooleanValue(value.ToBooleanValue());
                break;
            case FluidValues.Number:
                json.WriteNumberValue(value.ToNumberValue());
                break;
            case FluidValues.Array:
                json.WriteStartArray();
                foreach (var item in value.Enumerate(context))
                {
                    Write(json, item, context, depth + 1);
                }

                json.WriteEndArray();
                break;
            case FluidValues.Dictionary when value.ToObjectValue() is IFluidIndexable dictionary:
                json.WriteStartObject();
                foreach (var key in dictionary.Keys)
                {
                    json.WritePropertyName(key);
                    Write(json, dictionary.TryGetValue(key, out var item) ? item : NilValue.Instance, context, depth + 1);
                }

                json.WriteEndObject();
                break;
            case FluidValues.DateTime:
                json.WriteStringValue(((DateTimeOffset)value.ToObjectValue()).ToString("O", CultureInfo.InvariantCulture));
                break;
            default:
                json.WriteStringValue(value.ToStringValue());
                break;
        }
    }
}
