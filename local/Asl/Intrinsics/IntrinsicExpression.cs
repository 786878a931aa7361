using System.Diagnostics.CodeAnalysis;

using ContinuousImprovement.Asl.Json;

namespace ContinuousImprovement.Asl.Intrinsics;

/// <summary>
/// An intrinsic function call such as <c>States.Format('Hello, {}', $.name)</c>, parsed once when the
/// definition loads (a <c>"key.$"</c> value in Parameters or ResultSelector, or an ErrorPath/CausePath) and
/// evaluated per state transition.
/// </summary>
public sealed class IntrinsicExpression
{
    private readonly IntrinsicCall call;

    private IntrinsicExpression(string text, IntrinsicCall call)
    {
        Text = text;
        this.call = call;
    }

    /// <summary>The expression as written.</summary>
    public string Text { get; }

    /// <summary>
    /// Whether a <c>.$</c> value is meant as an intrinsic call rather than a path: Step Functions decides by the
    /// <c>States.</c> prefix.
    /// </summary>
    public static bool LooksLikeIntrinsic(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return text.StartsWith("States.", StringComparison.Ordinal);
    }

    /// <summary>
    /// Parses <paramref name="text"/>. Fails for syntax errors, unknown function names, invalid escapes, invalid
    /// paths and wrong argument counts; argument types are only known, and checked, at evaluation.
    /// </summary>
    public static bool TryParse(string text, [NotNullWhen(true)] out IntrinsicExpression? expression, [NotNullWhen(false)] out string? error)
    {
        ArgumentNullException.ThrowIfNull(text);
        try
        {
            expression = new IntrinsicExpression(text, IntrinsicParser.Parse(text));
            error = null;
            return true;
        }
        catch (FormatException e)
        {
            expression = null;
            error = e.Message;
            return false;
        }
    }

    /// <summary>Parses <paramref name="text"/>; throws <see cref="FormatException"/> naming the expression when it is invalid.</summary>
    public static IntrinsicExpression Parse(string text) =>
        TryParse(text, out var expression, out var error) ? expression : throw new FormatException(error);

    /// <summary>
    /// Evaluates the call: <c>$</c> paths read <paramref name="input"/>, <c>$$</c> paths read
    /// <paramref name="context"/>, randomness comes from <paramref name="environment"/>.
    /// </summary>
    /// <exception cref="AslRuntimeException">
    /// <c>States.IntrinsicFailure</c> when an argument has the wrong type or value, or a path finds nothing.
    /// </exception>
    public JsonValue Evaluate(JsonValue input, JsonValue context, IIntrinsicEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(environment);
        return call.Evaluate(new IntrinsicScope(input, context, environment));
    }

    /// <summary>Evaluates with real randomness (<see cref="DefaultIntrinsicEnvironment"/>).</summary>
    public JsonValue Evaluate(JsonValue input, JsonValue context) => Evaluate(input, context, DefaultIntrinsicEnvironment.Instance);

    public override string ToString() => Text;
}
