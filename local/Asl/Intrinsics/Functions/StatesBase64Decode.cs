using System.Text;

using ContinuousImprovement.Asl.Json;

namespace ContinuousImprovement.Asl.Intrinsics.Functions;

/// <summary>
/// <c>States.Base64Decode(base64)</c>: decodes at most 10,000 Base64 characters and reads the bytes as UTF-8.
/// <c>"RGF0YSB0byBlbmNvZGU="</c> gives <c>"Data to encode"</c>; text that is not Base64 is a failure.
/// </summary>
internal sealed class StatesBase64Decode : IntrinsicFunction
{
    public const int MaxLength = 10_000;

    public static readonly StatesBase64Decode Instance = new();

    private StatesBase64Decode()
    {
    }

    public override string Name => "States.Base64Decode";

    public override int MinArguments => 1;

    public override JsonValue Invoke(IntrinsicCall call, in IntrinsicScope scope)
    {
        var text = IntrinsicValues.String(call, 0, scope);
        if (text.Length > MaxLength)
        {
            throw IntrinsicValues.Failure(call, $"the string has {text.Length} characters; at most {MaxLength} can be decoded.");
        }

        try
        {
            return new JsonString(Encoding.UTF8.GetString(Convert.FromBase64String(text)));
        }
        catch (FormatException)
        {
            throw IntrinsicValues.Failure(call, $"{call.ArgumentAt(0).Source} is not valid Base64.");
        }
    }
}
