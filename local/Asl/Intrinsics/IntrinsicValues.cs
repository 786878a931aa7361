using ContinuousImprovement.Asl.Json;

namespace ContinuousImprovement.Asl.Intrinsics;

/// <summary>
/// Reads typed arguments and builds the <c>States.IntrinsicFailure</c> errors that name the function, the
/// argument as written and what it turned out to be.
/// </summary>
internal static class IntrinsicValues
{
    private const int ShownLength = 60;

    public static AslRuntimeException Failure(IntrinsicCall call, string message) =>
        new(StatesErrors.IntrinsicFailure, $"{call.Function.Name}: {message}");

    public static string String(IntrinsicCall call, int index, in IntrinsicScope scope)
    {
        var value = call.Argument(index, scope);
        return value is JsonString s ? s.Value : throw WrongType(call, index, "a string", value);
    }

    public static JsonArray Array(IntrinsicCall call, int index, in IntrinsicScope scope)
    {
        var value = call.Argument(index, scope);
        return value as JsonArray ?? throw WrongType(call, index, "an array", value);
    }

    public static JsonObject Object(IntrinsicCall call, int index, in IntrinsicScope scope)
    {
        var value = call.Argument(index, scope);
        return value as JsonObject ?? throw WrongType(call, index, "an object", value);
    }

    public static bool Boolean(IntrinsicCall call, int index, in IntrinsicScope scope)
    {
        var value = call.Argument(index, scope);
        return value is JsonBoolean b ? b.Value : throw WrongType(call, index, "a boolean", value);
    }

    /// <summary>
    /// An integer argument. Step Functions documents these as integers but rounds fractions half up, as Java's
    /// Math.round does (recorded: States.MathAdd(1.5, 1.51) is 4, States.MathAdd(-2.5, 0) is -2); we round the
    /// same way and refuse values beyond a 32-bit int.
    /// </summary>
    public static int Integer(IntrinsicCall call, int index, in IntrinsicScope scope)
    {
        var value = call.Argument(index, scope);
        if (value is not JsonNumber number)
        {
            throw WrongType(call, index, "an integer", value);
        }

        var rounded = JavaRound(number.Value);
        if (rounded is < int.MinValue or > int.MaxValue)
        {
            throw Failure(call, $"argument {index + 1} must be an integer between {int.MinValue} and {int.MaxValue}, but {Subject(call, index)} {number}.");
        }

        return (int)rounded;
    }

    /// <summary>Java's Math.round: the nearest whole number, halves towards positive infinity (2.5 → 3, -2.5 → -2).</summary>
    public static double JavaRound(double value)
    {
        var floor = Math.Floor(value);
        return value - floor >= 0.5 ? floor + 1 : floor;
    }

    public static string Describe(JsonValue value) => value switch
    {
        JsonNull => "null",
        JsonBoolean b => b.Value ? "the boolean true" : "the boolean false",
        JsonNumber n => $"the number {n}",
        JsonString s => $"the string {Shorten(s.ToJson())}",
        JsonArray => "an array",
        _ => "an object",
    };

    public static AslRuntimeException WrongType(IntrinsicCall call, int index, string expected, JsonValue actual) =>
        Failure(call, $"argument {index + 1} must be {expected}, but {Subject(call, index)} {Describe(actual)}.");

    /// <summary>"$.n is" for a path or call, "got" for a literal, whose value speaks for itself.</summary>
    public static string Subject(IntrinsicCall call, int index) =>
        call.ArgumentAt(index) is LiteralArgument ? "got" : $"{call.ArgumentAt(index).Source} is";

    private static string Shorten(string text) => text.Length <= ShownLength ? text : string.Concat(text.AsSpan(0, ShownLength), "…");
}
