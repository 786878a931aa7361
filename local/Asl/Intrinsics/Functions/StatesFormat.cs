using System.Text;

using ContinuousImprovement.Asl.Json;

namespace ContinuousImprovement.Asl.Intrinsics.Functions;

/// <summary>
/// <c>States.Format(template, values...)</c>: each <c>{}</c> in the template is replaced by the next value,
/// printed as <see cref="JavaStyleText"/> does. The number of values must equal the number of placeholders.
/// Worked example: <c>States.Format('Hello, my name is {}.', $.name)</c> with <c>{"name":"Arnav"}</c> gives
/// <c>"Hello, my name is Arnav."</c>.
/// </summary>
internal sealed class StatesFormat : IntrinsicFunction
{
    public static readonly StatesFormat Instance = new();

    // Format runs on hot paths (building task parameters); reusing one builder per thread saves its buffer.
    [ThreadStatic]
    private static StringBuilder? cachedBuilder;

    private StatesFormat()
    {
    }

    public override string Name => "States.Format";

    public override int MinArguments => 1;

    public override int MaxArguments => int.MaxValue;

    public override JsonValue Invoke(IntrinsicCall call, in IntrinsicScope scope)
    {
        var template = call.ArgumentAt(0) is LiteralArgument { Template: { } literal }
            ? literal
            : FormatTemplate.FromText(IntrinsicValues.String(call, 0, scope));
        var values = call.ArgumentCount - 1;
        if (template.PlaceholderCount != values)
        {
            throw IntrinsicValues.Failure(call, $"the template has {template.PlaceholderCount} '{{}}' placeholder(s) but {values} value(s) follow it; they must be equal.");
        }

        // Taken, not shared: a nested States.Format among the values gets a builder of its own.
        var builder = cachedBuilder ?? new StringBuilder();
        cachedBuilder = null;
        builder.Clear();
        for (var i = 0; i < values; i++)
        {
            builder.Append(template.Part(i));
            JavaStyleText.Append(builder, call.Argument(i + 1, scope));
        }

        builder.Append(template.Part(values));
        var text = builder.ToString();
        if (builder.Capacity <= 4096)
        {
            cachedBuilder = builder;
        }

        return new JsonString(text);
    }
}
