using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace ContinuousImprovement.Aws.Endpoints;

/// <summary>
/// Values, references, templates ("https://{Region}.{PartitionResult#dnsSuffix}") and the standard functions of the
/// endpoint rules language that our services' rule sets use.
/// </summary>
internal static partial class EndpointExpressions
{
    public static object? Evaluate(JsonElement expression, IReadOnlyDictionary<string, object?> scope)
    {
        switch (expression.ValueKind)
        {
            case JsonValueKind.String:
                return Template(expression.GetString()!, scope);
            case JsonValueKind.Object when expression.TryGetProperty("ref", out var reference):
                return scope.TryGetValue(reference.GetString()!, out var value) ? value : null;
            case JsonValueKind.Object when expression.TryGetProperty("fn", out var fn):
                var args = expression.GetProperty("argv").EnumerateArray().Select(a => Evaluate(a, scope)).ToList();
                return Call(fn.GetString()!, args);
            case JsonValueKind.Array:
                return expression.EnumerateArray().Select(e => Evaluate(e, scope)).ToList();
            default:
                return Literal(expression);
        }
    }

    public static object? Literal(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        JsonValueKind.String => value.GetString(),
        JsonValueKind.Number => value.GetInt64(),
        _ => null,
    };

    private static object? Call(string fn, List<object?> args) => fn switch
    {
        "isSet" => args[0] is not null,
        "not" => args[0] is false,
        "booleanEquals" => args[0] is bool a && args[1] is bool b && a == b,
        "stringEquals" => args[0] is string x && args[1] is string y && string.Equals(x, y, StringComparison.Ordinal),
        "getAttr" => GetAttr(args[0], (string)args[1]!),
        "aws.partition" => args[0] is string region ? AwsPartitions.Lookup(region) : null,
        "isValidHostLabel" => args[0] is string label && IsValidHostLabel(label, args.Count > 1 && args[1] is true),
        "substring" => Substring(args),
        _ => throw new NotSupportedException($"The endpoint rule function '{fn}' is not implemented."),
    };

    /// <summary>"name", "a.b" or "list[0]" paths into a partition or other record value.</summary>
    private static object? GetAttr(object? value, string path)
    {
        var current = value;
        foreach (var part in path.Split('.'))
        {
            var match = IndexPattern().Match(part);
            var key = match.Success ? match.Groups[1].Value : part;
            if (key.Length > 0)
            {
                current = current is IReadOnlyDictionary<string, object?> map && map.TryGetValue(key, out var next) ? next : null;
            }
            if (match.Success)
            {
                var index = int.Parse(match.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture);
                current = current is IList<object?> list && index < list.Count ? list[index] : null;
            }
        }
        return current;
    }

    private static string Template(string template, IReadOnlyDictionary<string, object?> scope)
    {
        var result = new StringBuilder();
        for (var i = 0; i < template.Length; i++)
        {
            var c = template[i];
            if ((c == '{' || c == '}') && i + 1 < template.Length && template[i + 1] == c)
            {
                result.Append(c);
                i++;
            }
            else if (c == '{')
            {
                var close = template.IndexOf('}', i);
                var name = template[(i + 1)..close];
                var hash = name.IndexOf('#', StringComparison.Ordinal);
                var value = hash < 0
                    ? scope.GetValueOrDefault(name)
                    : GetAttr(scope.GetValueOrDefault(name[..hash]), name[(hash + 1)..]);
                result.Append(System.Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture));
                i = close;
            }
            else
            {
                result.Append(c);
            }
        }
        return result.ToString();
    }

    private static bool IsValidHostLabel(string value, bool allowSubDomains) =>
        allowSubDomains
            ? value.Split('.').All(l => HostLabelPattern().IsMatch(l))
            : HostLabelPattern().IsMatch(value);

    private static string? Substring(List<object?> args)
    {
        if (args[0] is not string input || args[1] is not long start || args[2] is not long stop || args[3] is not bool reverse)
        {
            return null;
        }
        if (start >= stop || input.Length < stop || input.Any(ch => ch > 127))
        {
            return null;
        }
        return reverse
            ? input[(input.Length - (int)stop)..(input.Length - (int)start)]
            : input[(int)start..(int)stop];
    }

    [GeneratedRegex("^([^\\[]*)\\[(\\d+)\\]$")]
    private static partial Regex IndexPattern();

    [GeneratedRegex("^[a-zA-Z0-9][a-zA-Z0-9-]{0,62}$")]
    private static partial Regex HostLabelPattern();
}
