using System.Globalization;
using System.Text.Json;

using ContinuousImprovement.Core.Text;

namespace ContinuousImprovement.Core.Events;

/// <summary>
/// Compiles pattern JSON into <see cref="EventPatternObject"/>s with EventBridge's validation rules. The first
/// problem found stops the parse; <see cref="Error"/> names the field path (e.g. <c>detail.$or[1].state</c>).
/// </summary>
internal sealed class EventPatternParser
{
    private const string Or = "$or";

    private static readonly string[] Operators = ["prefix", "suffix", "equals-ignore-case", "wildcard", "anything-but", "numeric", "exists", "cidr"];

    // EventBridge keeps these (its operators and ones it reserves) from naming fields inside $or branches, where a
    // misplaced operator would otherwise silently become a field name.
    private static readonly HashSet<string> ReservedInOr = new(StringComparer.Ordinal)
    {
        "exactly", "equals-ignore-case", "prefix", "suffix", "anything-but", "exists", "wildcard", "numeric", "cidr",
        "=", "<", "<=", ">", ">=", "regex", "not-wildcard", "not-equals-ignore-case", "date-after", "date-on-or-after",
        "date-before", "date-on-or-before", "in-date-range", "ip-address-in-range", "ip-address-not-in-range",
    };

    public string? Error { get; private set; }

    public EventPatternObject? Root(JsonElement pattern)
    {
        if (pattern.ValueKind != JsonValueKind.Object)
        {
            Error = $"The event pattern must be a JSON object, found {Describe(pattern)}.";
            return null;
        }

        return Object(pattern, "", insideOr: false);
    }

    private EventPatternObject? Object(JsonElement pattern, string path, bool insideOr)
    {
        // A later duplicate key replaces an earlier one, as EventBridge documents; $or groups all apply.
        var fields = new List<EventPatternField>();
        var orGroups = new List<EventPatternObject[]>();
        foreach (var property in pattern.EnumerateObject())
        {
            var name = property.Name;
            var fieldPath = path.Length == 0 ? name : $"{path}.{name}";
            if (name == Or)
            {
                var group = OrGroup(property.Value, fieldPath);
                if (group is null)
                {
                    return null;
                }

                orGroups.Add(group);
                continue;
            }

            if (insideOr && ReservedInOr.Contains(name))
            {
                return Fail(fieldPath, $"\"{name}\" is an operator, not a field name; inside $or an operator belongs in a field's list, e.g. \"field\": [{{\"{name}\": …}}]");
            }

            EventPatternField? field = property.Value.ValueKind switch
            {
                JsonValueKind.Object => Object(property.Value, fieldPath, insideOr) is { } nested ? new EventPatternField(name, nested) : null,
                JsonValueKind.Array => Leaf(property.Value, fieldPath) is { } leaf ? new EventPatternField(name, leaf) : null,
                _ => Fail<EventPatternField>(fieldPath, $"a pattern field must be an object or a list of values, found {Describe(property.Value)}"),
            };
            if (field is null)
            {
                return null;
            }

            fields.RemoveAll(f => f.Name == name);
            fields.Add(field);
        }

        if (fields.Count == 0 && orGroups.Count == 0)
        {
            return Fail(path, "an empty pattern object is not allowed");
        }

        return new EventPatternObject([.. fields], [.. orGroups]);
    }

    private EventPatternObject[]? OrGroup(JsonElement branches, string path)
    {
        if (branches.ValueKind != JsonValueKind.Array || branches.GetArrayLength() < 2)
        {
            return Fail<EventPatternObject[]>(path, $"$or needs a list of at least two pattern objects, found {Describe(branches)}");
        }

        var group = new List<EventPatternObject>();
        var index = 0;
        foreach (var branch in branches.EnumerateArray())
        {
            var branchPath = $"{path}[{index++.ToString(CultureInfo.InvariantCulture)}]";
            if (branch.ValueKind != JsonValueKind.Object)
            {
                return Fail<EventPatternObject[]>(branchPath, $"each $or branch must be a pattern object, found {Describe(branch)}");
            }

            // A branch's fields sit beside the $or, so its paths continue from the object holding it.
            var compiled = Object(branch, branchPath, insideOr: true);
            if (compiled is null)
            {
                return null;
            }

            group.Add(compiled);
        }

        return [.. group];
    }

    private EventPatternLeaf? Leaf(JsonElement alternatives, string path)
    {
        if (alternatives.GetArrayLength() == 0)
        {
            return Fail<EventPatternLeaf>(path, "an empty list matches nothing and is not allowed");
        }

        var values = new List<EventPatternValue>();
        var existsTrue = false;
        var existsFalse = false;
        foreach (var alternative in alternatives.EnumerateArray())
        {
            switch (alternative.ValueKind)
            {
                case JsonValueKind.String:
                    values.Add(new EventPatternExactString(alternative.GetString()!, compareAddresses: true));
                    break;
                case JsonValueKind.Number:
                    values.Add(new EventPatternExactNumber(alternative));
                    break;
                case JsonValueKind.True or JsonValueKind.False or JsonValueKind.Null:
                    values.Add(new EventPatternExactLiteral(alternative.ValueKind));
                    break;
                case JsonValueKind.Object:
                    var single = Single(alternative, path);
                    if (single is not { } matcher)
                    {
                        return null;
                    }

                    if (matcher.Name == "exists")
                    {
                        if (matcher.Value.ValueKind is not (JsonValueKind.True or JsonValueKind.False))
                        {
                            return Fail<EventPatternLeaf>(path, $"exists must be true or false, found {Describe(matcher.Value)}");
                        }

                        existsTrue |= matcher.Value.ValueKind == JsonValueKind.True;
                        existsFalse |= matcher.Value.ValueKind == JsonValueKind.False;
                        break;
                    }

                    var compiled = Operator(matcher.Name, matcher.Value, path);
                    if (compiled is null)
                    {
                        return null;
                    }

                    values.Add(compiled);
                    break;
                default:
                    return Fail<EventPatternLeaf>(path, $"a value in the list must be a string, number, true, false, null or an operator object, found {Describe(alternative)}");
            }
        }

        return new EventPatternLeaf([.. values], existsTrue, existsFalse);
    }

    private EventPatternValue? Operator(string name, JsonElement argument, string path) => name switch
    {
        "prefix" => Affix(EventPatternTextMode.Prefix, name, argument, path),
        "suffix" => Affix(EventPatternTextMode.Suffix, name, argument, path),
        "equals-ignore-case" => argument.ValueKind == JsonValueKind.String
            ? new EventPatternText(EventPatternTextMode.Equals, argument.GetString()!, ignoreCase: true)
            : Fail<EventPatternValue>(path, $"equals-ignore-case needs a string, found {Describe(argument)}"),
        "wildcard" => Wildcard(argument, path, "wildcard"),
        "anything-but" => AnythingBut(argument, path),
        "numeric" => Numeric(argument, path),
        "cidr" => Cidr(argument, path),
        _ => Fail<EventPatternValue>(path, $"unknown operator {Printable.Quote(name)}; EventBridge's are {string.Join(", ", Operators)}"),
    };

    private EventPatternValue? Affix(EventPatternTextMode mode, string name, JsonElement argument, string path)
    {
        if (argument.ValueKind == JsonValueKind.String)
        {
            return new EventPatternText(mode, argument.GetString()!, ignoreCase: false);
        }

        if (argument.ValueKind == JsonValueKind.Object)
        {
            var single = Single(argument, path);
            if (single is not { } inner)
            {
                return null;
            }

            if (inner.Name != "equals-ignore-case")
            {
                return Fail<EventPatternValue>(path, $"{name} takes a string or {{\"equals-ignore-case\": string}}, found operator {Printable.Quote(inner.Name)}");
            }

            return inner.Value.ValueKind == JsonValueKind.String
                ? new EventPatternText(mode, inner.Value.GetString()!, ignoreCase: true)
                : Fail<EventPatternValue>(path, $"{name} equals-ignore-case needs a string, found {Describe(inner.Value)}");
        }

        return Fail<EventPatternValue>(path, $"{name} takes a string or {{\"equals-ignore-case\": string}}, found {Describe(argument)}");
    }

    private EventPatternWildcard? Wildcard(JsonElement argument, string path, string what)
    {
        if (argument.ValueKind != JsonValueKind.String)
        {
            return Fail<EventPatternWildcard>(path, $"{what} needs a string, found {Describe(argument)}");
        }

        var text = argument.GetString()!;
        return EventPatternWildcard.Create(text, out var error) ?? Fail<EventPatternWildcard>(path, $"{what} {Printable.Quote(text)}: {error}");
    }

    private EventPatternCidr? Cidr(JsonElement argument, string path)
    {
        if (argument.ValueKind != JsonValueKind.String)
        {
            return Fail<EventPatternCidr>(path, $"cidr needs a string such as \"10.0.0.0/24\", found {Describe(argument)}");
        }

        var text = argument.GetString()!;
        return EventPatternCidr.Create(text, out var error) ?? Fail<EventPatternCidr>(path, $"cidr {Printable.Quote(text)}: {error}");
    }

    private EventPatternValue? AnythingBut(JsonElement argument, string path)
    {
        switch (argument.ValueKind)
        {
            case JsonValueKind.String:
                return new EventPatternAnythingBut([new EventPatternExactString(argument.GetString()!, compareAddresses: false)]);
            case JsonValueKind.Number:
                return new EventPatternAnythingBut([new EventPatternExactNumber(argument)]);
            case JsonValueKind.Array:
                return AnythingButList(argument, path);
            case JsonValueKind.Object:
                var single = Single(argument, path);
                if (single is not { } inner)
                {
                    return null;
                }

                var forms = inner.Name switch
                {
                    "prefix" or "suffix" or "equals-ignore-case" or "wildcard" => AnythingButForms(inner.Name, inner.Value, path),
                    _ => Fail<EventPatternValue[]>(path, $"anything-but takes a value, a list, or one of prefix, suffix, equals-ignore-case, wildcard; found operator {Printable.Quote(inner.Name)}"),
                };
                return forms is null ? null : new EventPatternAnythingBut(forms);
            default:
                return Fail<EventPatternValue>(path, $"anything-but takes a string, a number, a list of either, or an operator object, found {Describe(argument)}");
        }
    }

    private EventPatternAnythingBut? AnythingButList(JsonElement list, string path)
    {
        if (list.GetArrayLength() == 0)
        {
            return Fail<EventPatternAnythingBut>(path, "anything-but with an empty list is not allowed");
        }

        var first = list[0].ValueKind;
        var excluded = new List<EventPatternValue>();
        foreach (var value in list.EnumerateArray())
        {
            if (value.ValueKind is not (JsonValueKind.String or JsonValueKind.Number) || value.ValueKind != first)
            {
                return Fail<EventPatternAnythingBut>(path, $"an anything-but list holds only strings or only numbers, found {Describe(value)}");
            }

            excluded.Add(value.ValueKind == JsonValueKind.String
                ? new EventPatternExactString(value.GetString()!, compareAddresses: false)
                : new EventPatternExactNumber(value));
        }

        return new EventPatternAnythingBut([.. excluded]);
    }

    private EventPatternValue[]? AnythingButForms(string name, JsonElement argument, string path)
    {
        var texts = new List<string>();
        if (argument.ValueKind == JsonValueKind.String)
        {
            texts.Add(argument.GetString()!);
        }
        else if (argument.ValueKind == JsonValueKind.Array && argument.GetArrayLength() > 0)
        {
            foreach (var value in argument.EnumerateArray())
            {
                if (value.ValueKind != JsonValueKind.String)
                {
                    return Fail<EventPatternValue[]>(path, $"anything-but {name} takes strings only, found {Describe(value)}");
                }

                texts.Add(value.GetString()!);
            }
        }
        else
        {
            return Fail<EventPatternValue[]>(path, $"anything-but {name} takes a string or a non-empty list of strings, found {Describe(argument)}");
        }

        var forms = new List<EventPatternValue>();
        foreach (var text in texts)
        {
            if (name is "prefix" or "suffix" && text.Length == 0)
            {
                return Fail<EventPatternValue[]>(path, $"anything-but {name} must not be empty (it would exclude every string)");
            }

            EventPatternValue? form = name switch
            {
                "prefix" => new EventPatternText(EventPatternTextMode.Prefix, text, ignoreCase: false),
                "suffix" => new EventPatternText(EventPatternTextMode.Suffix, text, ignoreCase: false),
                "equals-ignore-case" => new EventPatternText(EventPatternTextMode.Equals, text, ignoreCase: true),
                _ => EventPatternWildcard.Create(text, out var error) ?? Fail<EventPatternWildcard>(path, $"anything-but wildcard {Printable.Quote(text)}: {error}"),
            };
            if (form is null)
            {
                return null;
            }

            forms.Add(form);
        }

        return [.. forms];
    }

    private EventPatternNumeric? Numeric(JsonElement argument, string path)
    {
        if (argument.ValueKind != JsonValueKind.Array || argument.GetArrayLength() is not (2 or 4))
        {
            return Fail<EventPatternNumeric>(path, $"numeric takes [operator, number] or [\">\" or \">=\", number, \"<\" or \"<=\", number], found {Describe(argument)}");
        }

        if (!Bound(argument[0], argument[1], path, out var op, out var value))
        {
            return null;
        }

        if (argument.GetArrayLength() == 2)
        {
            return op switch
            {
                "=" => new EventPatternNumeric(value, true, value, true),
                ">" => new EventPatternNumeric(value, false, null, false),
                ">=" => new EventPatternNumeric(value, true, null, false),
                "<" => new EventPatternNumeric(null, false, value, false),
                _ => new EventPatternNumeric(null, false, value, true),
            };
        }

        if (op is not (">" or ">="))
        {
            return Fail<EventPatternNumeric>(path, $"a numeric range starts with \">\" or \">=\", found {Printable.Quote(op)}");
        }

        if (!Bound(argument[2], argument[3], path, out var upperOp, out var upper))
        {
            return null;
        }

        if (upperOp is not ("<" or "<="))
        {
            return Fail<EventPatternNumeric>(path, $"a numeric range ends with \"<\" or \"<=\", found {Printable.Quote(upperOp)}");
        }

        if (value >= upper)
        {
            return Fail<EventPatternNumeric>(path, $"the numeric range's lower bound {Number(value)} must be below its upper bound {Number(upper)}");
        }

        return new EventPatternNumeric(value, op == ">=", upper, upperOp == "<=");
    }

    private bool Bound(JsonElement op, JsonElement number, string path, out string text, out double value)
    {
        text = op.ValueKind == JsonValueKind.String ? op.GetString()! : "";
        value = 0;
        if (text is not ("=" or "<" or "<=" or ">" or ">="))
        {
            Fail<object>(path, $"numeric operators are =, <, <=, >, >=; found {Describe(op)}");
            return false;
        }

        if (number.ValueKind != JsonValueKind.Number || !number.TryGetDouble(out value) || !double.IsFinite(value))
        {
            Fail<object>(path, $"numeric {text} needs a finite number, found {Describe(number)}");
            return false;
        }

        return true;
    }

    private (string Name, JsonElement Value)? Single(JsonElement matcher, string path)
    {
        var names = new List<string>();
        JsonElement value = default;
        foreach (var property in matcher.EnumerateObject())
        {
            names.Add(property.Name);
            value = property.Value;
        }

        return names.Count switch
        {
            1 => (names[0], value),
            0 => Fail<(string, JsonElement)?>(path, "an empty operator object is not allowed"),
            _ => Fail<(string, JsonElement)?>(path, $"one operator per object, found {string.Join(", ", names.Select(n => Printable.Quote(n)))}"),
        };
    }

    private T? Fail<T>(string path, string problem)
    {
        Error = path.Length == 0
            ? $"Event pattern: {problem}."
            : $"Event pattern field {Printable.Quote(path, maxChars: 160)}: {problem}.";
        return default;
    }

    private EventPatternObject? Fail(string path, string problem) => Fail<EventPatternObject>(path, problem);

    private static string Number(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    private static string Describe(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => $"the string {Printable.Quote(value.GetString())}",
        JsonValueKind.Number => $"the number {Printable.Line(value.GetRawText(), 40)}",
        JsonValueKind.True => "true",
        JsonValueKind.False => "false",
        JsonValueKind.Null => "null",
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => $"a list of {value.GetArrayLength().ToString(CultureInfo.InvariantCulture)}",
        _ => value.ValueKind.ToString(),
    };
}
