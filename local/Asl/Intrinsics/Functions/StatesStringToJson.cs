using System.Text.Json;

using ContinuousImprovement.Asl.Json;

namespace ContinuousImprovement.Asl.Intrinsics.Functions;

/// <summary>
/// <c>States.StringToJson(text)</c>: parses JSON text. Recorded against AWS: an empty or blank string gives
/// null rather than failing.
/// </summary>
internal sealed class StatesStringToJson : IntrinsicFunction
{
    public static readonly StatesStringToJson Instance = new();

    private StatesStringToJson()
    {
    }

    public override string Name => "States.StringToJson";

    public override int MinArguments => 1;

    public override JsonValue Invoke(IntrinsicCall call, in IntrinsicScope scope)
    {
        var text = IntrinsicValues.String(call, 0, scope);
        if (IsBlank(text))
        {
            return JsonValue.Null;
        }

        try
        {
            return JsonValue.Parse(text);
        }
        catch (JsonException e)
        {
            throw IntrinsicValues.Failure(call, $"{call.ArgumentAt(0).Source} is not valid JSON: {e.Message}");
        }
    }

    // Java's String.trim() blankness, which AWS applies: every character at or below U+0020.
    private static bool IsBlank(string text)
    {
        foreach (var c in text)
        {
            if (c > ' ')
            {
                return false;
            }
        }

        return true;
    }
}
