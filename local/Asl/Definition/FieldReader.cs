using ContinuousImprovement.Asl.Intrinsics;
using ContinuousImprovement.Asl.Json;
using ContinuousImprovement.Asl.Paths;
using ContinuousImprovement.Asl.Processing;

namespace ContinuousImprovement.Asl.Definition;

/// <summary>
/// Reads one JSON object of a definition (a state, a retrier, a choice rule), collecting every problem
/// under the state's name instead of stopping at the first, and refusing fields the state type does not have.
/// </summary>
internal sealed class FieldReader
{
    private readonly JsonObject obj;
    private readonly string where;
    private readonly List<string> problems;
    private readonly HashSet<string> read = new(StringComparer.Ordinal);

    public FieldReader(JsonObject obj, string where, List<string> problems)
    {
        this.obj = obj;
        this.where = where;
        this.problems = problems;
    }

    public string Where => where;

    public List<string> Problems => problems;

    public void Problem(string text) => problems.Add($"{where}: {text}");

    public bool Has(string field) => obj.ContainsKey(field);

    public JsonValue? Raw(string field)
    {
        read.Add(field);
        return obj[field];
    }

    public string? String(string field, bool required = false)
    {
        var value = Raw(field);
        if (value is null)
        {
            if (required)
            {
                Problem($"'{field}' is required");
            }

            return null;
        }

        if (value is JsonString s)
        {
            return s.Value;
        }

        Problem($"'{field}' must be a string");
        return null;
    }

    public bool? Boolean(string field)
    {
        var value = Raw(field);
        if (value is null)
        {
            return null;
        }

        if (value is JsonBoolean b)
        {
            return b.Value;
        }

        Problem($"'{field}' must be true or false");
        return null;
    }

    public double? Number(string field, double minimum = double.MinValue, double maximum = double.MaxValue, bool integer = false)
    {
        var value = Raw(field);
        if (value is null)
        {
            return null;
        }

        if (value is JsonNumber n && (!integer || n.IsInteger) && n.Value >= minimum && n.Value <= maximum)
        {
            return n.Value;
        }

        Problem($"'{field}' must be {(integer ? "a whole number" : "a number")}{(minimum > double.MinValue ? $" of at least {minimum}" : "")}{(maximum < double.MaxValue ? $" and at most {maximum}" : "")}");
        return null;
    }

    public JsonObject? Object(string field, bool required = false)
    {
        var value = Raw(field);
        if (value is null)
        {
            if (required)
            {
                Problem($"'{field}' is required");
            }

            return null;
        }

        if (value is JsonObject o)
        {
            return o;
        }

        Problem($"'{field}' must be an object");
        return null;
    }

    public JsonArray? Array(string field, bool required = false)
    {
        var value = Raw(field);
        if (value is null)
        {
            if (required)
            {
                Problem($"'{field}' is required");
            }

            return null;
        }

        if (value is JsonArray a)
        {
            return a;
        }

        Problem($"'{field}' must be an array");
        return null;
    }

    /// <summary>A path field (InputPath, OutputPath): absent means <c>$</c>, JSON null means "discard" (<see cref="Optional{T}.IsNull"/>).</summary>
    public Optional<JsonPath> Path(string field)
    {
        var value = Raw(field);
        if (value is null)
        {
            return Optional<JsonPath>.Absent;
        }

        if (value is JsonNull)
        {
            return Optional<JsonPath>.Null;
        }

        if (value is JsonString s)
        {
            if (JsonPath.TryCompile(s.Value, out var path, out var error))
            {
                return Optional<JsonPath>.Of(path);
            }

            Problem($"'{field}' is not a valid path '{s.Value}': {error}");
        }
        else
        {
            Problem($"'{field}' must be a path string or null");
        }

        return Optional<JsonPath>.Absent;
    }

    /// <summary>A reference path field (ResultPath, Variable, ItemsPath, …).</summary>
    public Optional<ReferencePath> ReferencePath(string field)
    {
        var value = Raw(field);
        if (value is null)
        {
            return Optional<Paths.ReferencePath>.Absent;
        }

        if (value is JsonNull)
        {
            return Optional<Paths.ReferencePath>.Null;
        }

        if (value is JsonString s)
        {
            if (Paths.ReferencePath.TryCompile(s.Value, out var path, out var error))
            {
                return Optional<Paths.ReferencePath>.Of(path);
            }

            Problem($"'{field}' is not a valid reference path '{s.Value}': {error}");
        }
        else
        {
            Problem($"'{field}' must be a reference path string or null");
        }

        return Optional<Paths.ReferencePath>.Absent;
    }

    /// <summary>A payload template field (Parameters, ResultSelector, ItemSelector).</summary>
    public PayloadTemplate? Template(string field)
    {
        var value = Raw(field);
        return value is null ? null : PayloadTemplate.Compile(value, $"{where}.{field}", problems);
    }

    /// <summary>A field that is a reference path or an intrinsic function (ErrorPath, CausePath).</summary>
    public ValueSource? PathOrIntrinsic(string field)
    {
        var text = String(field);
        if (text is null)
        {
            return null;
        }

        if (IntrinsicExpression.LooksLikeIntrinsic(text))
        {
            if (IntrinsicExpression.TryParse(text, out var expression, out var error))
            {
                return ValueSource.FromIntrinsic(expression, text);
            }

            Problem($"'{field}' is not a valid intrinsic function: {error}");
            return null;
        }

        if (JsonPath.TryCompile(text, out var path, out var pathError))
        {
            return ValueSource.FromPath(path, text);
        }

        Problem($"'{field}' is not a valid path '{text}': {pathError}");
        return null;
    }

    /// <summary>
    /// Refuses a field given both literally and as <c>…Path</c> (TimeoutSeconds and TimeoutSecondsPath):
    /// Step Functions rejects the pair, and taking one would silently ignore the other.
    /// </summary>
    public void RefuseWithItsPath(string field)
    {
        if (Has(field) && Has(field + "Path"))
        {
            Problem($"has both '{field}' and '{field}Path'; give only one of them");
        }
    }

    /// <summary>Reports any field that was never read: Step Functions rejects unknown fields.</summary>
    public void RejectUnknownFields()
    {
        foreach (var key in obj.Keys)
        {
            if (!read.Contains(key))
            {
                Problem($"unknown field '{key}'");
            }
        }
    }
}

/// <summary>A definition field that may be absent, explicitly null, or set.</summary>
internal readonly record struct Optional<T>(T? Value, bool IsNull)
    where T : class
{
    public static Optional<T> Absent => default;

    public static Optional<T> Null => new(null, true);

    public bool IsAbsent => Value is null && !IsNull;

    public static Optional<T> Of(T value) => new(value, false);
}
