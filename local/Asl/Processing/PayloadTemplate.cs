using ContinuousImprovement.Asl.Runtime;
using ContinuousImprovement.Asl.Intrinsics;
using ContinuousImprovement.Asl.Json;
using ContinuousImprovement.Asl.Paths;

namespace ContinuousImprovement.Asl.Processing;

/// <summary>
/// A compiled payload template (Parameters, ResultSelector, ItemSelector): keys ending in <c>.$</c> take
/// their value from a path or an intrinsic, everything else is copied. Parts without any <c>.$</c> key
/// are built once at load time and shared by every execution.
/// </summary>
internal abstract class PayloadTemplate
{
    public abstract JsonValue Evaluate(JsonValue input, StateScope scope);

    public static PayloadTemplate Compile(JsonValue template, string where, List<string> problems) => template switch
    {
        JsonObject obj when HasDynamicPart(obj) => CompileObject(obj, where, problems),
        JsonArray array when array.Any(HasDynamicPart) => new ArrayTemplate(array.Select((item, i) => Compile(item, $"{where}[{i}]", problems)).ToArray()),
        _ => new ConstantTemplate(template),
    };

    private static bool HasDynamicPart(JsonValue value) => value switch
    {
        JsonObject obj => obj.Any(member => member.Key.EndsWith(".$", StringComparison.Ordinal) || HasDynamicPart(member.Value)),
        JsonArray array => array.Any(HasDynamicPart),
        _ => false,
    };

    private static ObjectTemplate CompileObject(JsonObject obj, string where, List<string> problems)
    {
        var members = new List<(string Key, PayloadTemplate? Template, ValueSource? Source)>(obj.Count);
        foreach (var (key, value) in obj)
        {
            if (!key.EndsWith(".$", StringComparison.Ordinal))
            {
                members.Add((key, Compile(value, $"{where}.{key}", problems), null));
                continue;
            }

            var name = key[..^2];
            if (value is not JsonString text)
            {
                problems.Add($"{where}: the value of '{key}' must be a path or an intrinsic function string");
                continue;
            }

            if (IntrinsicExpression.LooksLikeIntrinsic(text.Value))
            {
                if (IntrinsicExpression.TryParse(text.Value, out var expression, out var error))
                {
                    members.Add((name, null, ValueSource.FromIntrinsic(expression, text.Value)));
                }
                else
                {
                    problems.Add($"{where}: '{key}' is not a valid intrinsic function: {error}");
                }
            }
            else if (JsonPath.TryCompile(text.Value, out var path, out var pathError))
            {
                members.Add((name, null, ValueSource.FromPath(path, text.Value)));
            }
            else
            {
                problems.Add($"{where}: '{key}' is not a valid path '{text.Value}': {pathError}");
            }
        }

        return new ObjectTemplate([.. members]);
    }

    private sealed class ConstantTemplate(JsonValue value) : PayloadTemplate
    {
        public override JsonValue Evaluate(JsonValue input, StateScope scope) => value;
    }

    private sealed class ArrayTemplate(PayloadTemplate[] items) : PayloadTemplate
    {
        public override JsonValue Evaluate(JsonValue input, StateScope scope)
        {
            var values = new JsonValue[items.Length];
            for (var i = 0; i < items.Length; i++)
            {
                values[i] = items[i].Evaluate(input, scope);
            }

            return new JsonArray(values);
        }
    }

    private sealed class ObjectTemplate((string Key, PayloadTemplate? Template, ValueSource? Source)[] members) : PayloadTemplate
    {
        public override JsonValue Evaluate(JsonValue input, StateScope scope)
        {
            var builder = new JsonObject.Builder(members.Length);
            foreach (var (key, template, source) in members)
            {
                builder.Set(key, source is null ? template!.Evaluate(input, scope) : source.Evaluate(input, scope, $"'{key}.$'"));
            }

            return builder.Build();
        }
    }
}
