using System.Text;

using ContinuousImprovement.Asl.Json;

namespace ContinuousImprovement.Asl.Intrinsics.Functions;

/// <summary>
/// <c>States.Base64Encode(text)</c>: the Base64 of the UTF-8 bytes of a string of at most 10,000 characters.
/// <c>"Data to encode"</c> gives <c>"RGF0YSB0byBlbmNvZGU="</c>.
/// </summary>
internal sealed class StatesBase64Encode : IntrinsicFunction
{
    public const int MaxLength = 10_000;

    public static readonly StatesBase64Encode Instance = new();

    private StatesBase64Encode()
    {
    }

    public override string Name => "States.Base64Encode";

    public override int MinArguments => 1;

    public override JsonValue Invoke(IntrinsicCall call, in IntrinsicScope scope)
    {
        var text = IntrinsicValues.String(call, 0, scope);
        if (text.Length > MaxLength)
        {
            throw IntrinsicValues.Failure(call, $"the string has {text.Length} characters; at most {MaxLength} can be encoded.");
        }

        return new JsonString(Convert.ToBase64String(Encoding.UTF8.GetBytes(text)));
    }
}
