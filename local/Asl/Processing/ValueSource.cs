using ContinuousImprovement.Asl.Runtime;
using ContinuousImprovement.Asl.Intrinsics;
using ContinuousImprovement.Asl.Json;
using ContinuousImprovement.Asl.Paths;

namespace ContinuousImprovement.Asl.Processing;

/// <summary>A value computed at run time from the state input or the context object: a path or an intrinsic.</summary>
internal sealed class ValueSource
{
    private readonly JsonPath? path;
    private readonly IntrinsicExpression? intrinsic;

    private ValueSource(JsonPath? path, IntrinsicExpression? intrinsic, string text)
    {
        this.path = path;
        this.intrinsic = intrinsic;
        Text = text;
    }

    public string Text { get; }

    public static ValueSource FromPath(JsonPath path, string text) => new(path, null, text);

    public static ValueSource FromIntrinsic(IntrinsicExpression expression, string text) => new(null, expression, text);

    /// <param name="field">How to name the field in an error, e.g. <c>'bucket.$'</c>.</param>
    public JsonValue Evaluate(JsonValue input, StateScope scope, string field)
    {
        if (intrinsic is not null)
        {
            return intrinsic.Evaluate(input, scope.Context, scope.Run.Intrinsics);
        }

        var root = path!.IsContextPath ? scope.Context : input;
        if (path.TryEvaluate(root, out var value))
        {
            return value;
        }

        throw new AslRuntimeException(
            StatesErrors.Runtime,
            $"An error occurred while executing the state '{scope.StateName}'. The JSONPath '{Text}' specified for the field {field} could not be found in the input '{Abbreviated(root)}'");
    }

    internal static string Abbreviated(JsonValue value)
    {
        var json = value.ToJson();
        return json.Length <= 1000 ? json : json[..1000] + "…";
    }
}
