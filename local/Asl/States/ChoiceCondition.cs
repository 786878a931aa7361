using ContinuousImprovement.Asl.Definition;
using ContinuousImprovement.Asl.Runtime;
using ContinuousImprovement.Asl.Json;
using ContinuousImprovement.Asl.Paths;

namespace ContinuousImprovement.Asl.States;

/// <summary>
/// A compiled Choice rule condition. Comparing values of different types is false, not an error; a Variable
/// (or a <c>…Path</c> operand) that selects nothing is a <c>States.Runtime</c> error, except for IsPresent.
/// </summary>
internal abstract class ChoiceCondition
{
    private static readonly string[] Comparisons =
    [
        "StringEquals", "StringLessThan", "StringGreaterThan", "StringLessThanEquals", "StringGreaterThanEquals", "StringMatches",
        "NumericEquals", "NumericLessThan", "NumericGreaterThan", "NumericLessThanEquals", "NumericGreaterThanEquals",
        "BooleanEquals",
        "TimestampEquals", "TimestampLessThan", "TimestampGreaterThan", "TimestampLessThanEquals", "TimestampGreaterThanEquals",
        "IsNull", "IsPresent", "IsNumeric", "IsString", "IsBoolean", "IsTimestamp",
    ];

    public abstract bool Test(JsonValue input, StateScope scope);

    public static ChoiceCondition? Read(FieldReader rule)
    {
        if (rule.Has("And") || rule.Has("Or"))
        {
            var field = rule.Has("And") ? "And" : "Or";
            var list = rule.Array(field);
            if (list is null || list.Count == 0)
            {
                rule.Problem($"'{field}' must be a non-empty array of rules");
                return null;
            }

            var parts = new List<ChoiceCondition>();
            for (var i = 0; i < list.Count; i++)
            {
                if (Nested(rule, list[i], $"{field}[{i}]") is { } part)
                {
                    parts.Add(part);
                }
            }

            return field == "And" ? new All([.. parts]) : new AnyOf([.. parts]);
        }

        if (rule.Has("Not"))
        {
            return Nested(rule, rule.Raw("Not")!, "Not") is { } inner ? new Negation(inner) : null;
        }

        var variableText = rule.String("Variable", required: true);
        var notOperators = Comparisons.Where(c => !HasPathForm(c)).Select(c => c + "Path").Where(rule.Has).ToList();
        foreach (var notOperator in notOperators)
        {
            // Read it so the rule reports this one clear reason rather than also an "unknown field".
            rule.Raw(notOperator);
            rule.Problem($"'{notOperator}' is not a Step Functions operator: only the String, Numeric, Boolean and Timestamp comparisons (Equals, LessThan, GreaterThan, LessThanEquals, GreaterThanEquals) have a Path form");
        }

        if (notOperators.Count > 0)
        {
            return null;
        }

        var operators = Comparisons.SelectMany(c => HasPathForm(c) ? new[] { c, c + "Path" } : [c]).Where(rule.Has).ToList();
        if (operators.Count != 1)
        {
            rule.Problem(operators.Count == 0 ? "has no comparison operator" : $"has more than one comparison operator ({string.Join(", ", operators)})");
            return null;
        }

        if (variableText is null)
        {
            return null;
        }

        if (!JsonPath.TryCompile(variableText, out var variable, out var error))
        {
            rule.Problem($"'Variable' is not a valid path '{variableText}': {error}");
            return null;
        }

        var op = operators[0];
        var byPath = op.EndsWith("Path", StringComparison.Ordinal);
        var name = byPath ? op[..^4] : op;
        if (byPath)
        {
            var operandText = rule.String(op);
            if (operandText is null || !JsonPath.TryCompile(operandText, out var operandPath, out var operandError))
            {
                rule.Problem($"'{op}' must be a valid path");
                return null;
            }

            return new Comparison(variable, variableText, name, null, operandPath, operandText);
        }

        var operand = rule.Raw(op)!;
        var expected = OperandKind(name);
        var valid = expected switch
        {
            JsonKind.String when name.StartsWith("Timestamp", StringComparison.Ordinal) => operand is JsonString ts && Timestamps.TryParse(ts.Value, out _),
            _ => operand.Kind == expected,
        };
        if (!valid)
        {
            rule.Problem($"'{op}' needs a {(name.StartsWith("Timestamp", StringComparison.Ordinal) ? "timestamp string" : expected.ToString().ToLowerInvariant())} operand");
            return null;
        }

        return new Comparison(variable, variableText, name, operand, null, null);
    }

    private static ChoiceCondition? Nested(FieldReader parent, JsonValue value, string field)
    {
        if (value is not JsonObject obj)
        {
            parent.Problem($"'{field}' must be a rule object");
            return null;
        }

        var reader = new FieldReader(obj, $"{parent.Where}.{field}", parent.Problems);
        reader.String("Comment");
        var condition = Read(reader);
        reader.RejectUnknownFields();
        return condition;
    }

    /// <summary>
    /// Step Functions gives a Path variant only to the comparisons; StringMatches and the Is… type tests take
    /// a literal operand, so e.g. <c>IsPresentPath</c> is refused as AWS refuses it.
    /// </summary>
    private static bool HasPathForm(string comparison) =>
        comparison != "StringMatches" && !comparison.StartsWith("Is", StringComparison.Ordinal);

    private static JsonKind OperandKind(string name) =>
        name.StartsWith("String", StringComparison.Ordinal) || name.StartsWith("Timestamp", StringComparison.Ordinal) ? JsonKind.String
        : name.StartsWith("Numeric", StringComparison.Ordinal) ? JsonKind.Number
        : JsonKind.Boolean;

    private sealed class All(ChoiceCondition[] parts) : ChoiceCondition
    {
        public override bool Test(JsonValue input, StateScope scope) => parts.All(p => p.Test(input, scope));
    }

    private sealed class AnyOf(ChoiceCondition[] parts) : ChoiceCondition
    {
        public override bool Test(JsonValue input, StateScope scope) => parts.Any(p => p.Test(input, scope));
    }

    private sealed class Negation(ChoiceCondition inner) : ChoiceCondition
    {
        public override bool Test(JsonValue input, StateScope scope) => !inner.Test(input, scope);
    }

    private sealed class Comparison(JsonPath variable, string variableText, string name, JsonValue? operand, JsonPath? operandPath, string? operandText) : ChoiceCondition
    {
        public override bool Test(JsonValue input, StateScope scope)
        {
            var found = variable.TryEvaluate(variable.IsContextPath ? scope.Context : input, out var value);
            if (name == "IsPresent")
            {
                return found == ((JsonBoolean)operand!).Value;
            }

            if (!found)
            {
                throw new AslRuntimeException(StatesErrors.Runtime, $"Invalid path '{variableText}': The choice state '{scope.StateName}''s condition path references an invalid value.");
            }

            var expected = operand;
            if (operandPath is not null && !operandPath.TryEvaluate(operandPath.IsContextPath ? scope.Context : input, out expected))
            {
                throw new AslRuntimeException(StatesErrors.Runtime, $"Invalid path '{operandText}': The choice state '{scope.StateName}''s condition path references an invalid value.");
            }

            return Evaluate(value!, expected!);
        }

        private bool Evaluate(JsonValue value, JsonValue expected) => name switch
        {
            "IsNull" => (value.Kind == JsonKind.Null) == Flag(expected),
            "IsNumeric" => (value.Kind == JsonKind.Number) == Flag(expected),
            "IsString" => (value.Kind == JsonKind.String) == Flag(expected),
            "IsBoolean" => (value.Kind == JsonKind.Boolean) == Flag(expected),
            "IsTimestamp" => (value is JsonString s && Timestamps.TryParse(s.Value, out _)) == Flag(expected),
            "StringMatches" => value is JsonString text && expected is JsonString pattern && WildcardPattern.Matches(pattern.Value, text.Value),
            "BooleanEquals" => value is JsonBoolean b && expected is JsonBoolean e && b.Value == e.Value,
            _ when name.StartsWith("String", StringComparison.Ordinal) =>
                value is JsonString left && expected is JsonString right && Holds(string.CompareOrdinal(left.Value, right.Value)),
            _ when name.StartsWith("Numeric", StringComparison.Ordinal) =>
                value is JsonNumber x && expected is JsonNumber y && Holds(x.Value.CompareTo(y.Value)),
            _ => value is JsonString a && expected is JsonString b2 && Timestamps.TryParse(a.Value, out var at) && Timestamps.TryParse(b2.Value, out var bt) && Holds(at.CompareTo(bt)),
        };

        private static bool Flag(JsonValue value) => value is JsonBoolean { Value: true };

        private bool Holds(int comparison) =>
            name.EndsWith("LessThanEquals", StringComparison.Ordinal) ? comparison <= 0
            : name.EndsWith("GreaterThanEquals", StringComparison.Ordinal) ? comparison >= 0
            : name.EndsWith("LessThan", StringComparison.Ordinal) ? comparison < 0
            : name.EndsWith("GreaterThan", StringComparison.Ordinal) ? comparison > 0
            : comparison == 0;
    }
}
