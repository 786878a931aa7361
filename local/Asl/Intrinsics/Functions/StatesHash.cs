using System.Security.Cryptography;
using System.Text;

using ContinuousImprovement.Asl.Json;

namespace ContinuousImprovement.Asl.Intrinsics.Functions;

/// <summary>
/// <c>States.Hash(text, algorithm)</c>: the lowercase hex digest of the UTF-8 bytes of a string of at most
/// 10,000 characters, with MD5, SHA-1, SHA-256, SHA-384 or SHA-512 (names exactly as written here).
/// <c>States.Hash('input data', 'SHA-1')</c> gives <c>"aaff4a450a104cd177d28d18d74485e8cae074b7"</c>.
/// </summary>
internal sealed class StatesHash : IntrinsicFunction
{
    public const int MaxLength = 10_000;

    public static readonly StatesHash Instance = new();

    private StatesHash()
    {
    }

    public override string Name => "States.Hash";

    public override int MinArguments => 2;

    public override JsonValue Invoke(IntrinsicCall call, in IntrinsicScope scope)
    {
        var text = IntrinsicValues.String(call, 0, scope);
        var algorithm = IntrinsicValues.String(call, 1, scope);
        if (text.Length > MaxLength)
        {
            throw IntrinsicValues.Failure(call, $"the string has {text.Length} characters; at most {MaxLength} can be hashed.");
        }

        var bytes = Encoding.UTF8.GetBytes(text);

        // MD5 and SHA-1 are weak, but they are what the workflow asked for: this is a checksum, not security.
#pragma warning disable CA5350, CA5351
        var digest = algorithm switch
        {
            "MD5" => MD5.HashData(bytes),
            "SHA-1" => SHA1.HashData(bytes),
            "SHA-256" => SHA256.HashData(bytes),
            "SHA-384" => SHA384.HashData(bytes),
            "SHA-512" => SHA512.HashData(bytes),
            _ => throw IntrinsicValues.Failure(call, $"the algorithm '{algorithm}' is not supported; use MD5, SHA-1, SHA-256, SHA-384 or SHA-512."),
        };
#pragma warning restore CA5350, CA5351
        return new JsonString(Convert.ToHexStringLower(digest));
    }
}
