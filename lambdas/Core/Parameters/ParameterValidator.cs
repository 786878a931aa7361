using System.Globalization;
using ContinuousImprovement.Core.Text;

namespace ContinuousImprovement.Core.Parameters;

/// <summary>
/// Reads an operator's raw Parameter Store string as the catalog says. Never throws for operator input:
/// every problem becomes an error text an operator can act on without reading code.
/// </summary>
public static class ParameterValidator
{
    /// <summary>Parameter Store's limit for a standard parameter; anything longer cannot be ours.</summary>
    public const int MaximumRawLength = 4096;

    /// <summary>Longest item of a text list (a reviewer answer label).</summary>
    public const int MaximumTextItemLength = 128;

    public static ParameterCheck Check(ParameterDefinition definition, string? raw)
    {
        ArgumentNullException.ThrowIfNull(definition);
        if (raw is null)
        {
            return Fail(definition, raw, "the parameter is missing");
        }

        if (raw.Length > MaximumRawLength)
        {
            return Fail(definition, raw, $"it is longer than {MaximumRawLength} characters");
        }

        var text = raw.Trim();
        return definition.Type switch
        {
            ParameterType.Boolean => CheckBoolean(definition, raw, text),
            ParameterType.Integer => CheckInteger(definition, raw, text),
            ParameterType.Number => CheckNumber(definition, raw, text),
            ParameterType.Choice => CheckChoice(definition, raw, text),
            ParameterType.List => CheckList(definition, raw, text),
            ParameterType.TextList => CheckTextList(definition, raw, text),
            _ => throw new InvalidOperationException($"Unknown parameter type {definition.Type}."),
        };
    }

    private static ParameterCheck CheckBoolean(ParameterDefinition definition, string raw, string text)
    {
        if (text.Equals("true", StringComparison.OrdinalIgnoreCase))
        {
            return ParameterCheck.Valid(definition.Name, raw, new BooleanValue(true));
        }

        return text.Equals("false", StringComparison.OrdinalIgnoreCase)
            ? ParameterCheck.Valid(definition.Name, raw, new BooleanValue(false))
            : Fail(definition, raw, "it is not true or false");
    }

    private static ParameterCheck CheckInteger(ParameterDefinition definition, string raw, string text)
    {
        if (!long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value))
        {
            return Fail(definition, raw, "it is not a whole number");
        }

        return InRange(definition, value)
            ? ParameterCheck.Valid(definition.Name, raw, new IntegerValue(value))
            : Fail(definition, raw, "it is out of range");
    }

    private static ParameterCheck CheckNumber(ParameterDefinition definition, string raw, string text)
    {
        // No thousands separators or exponents: an operator typing "1,5" or "1e3" most likely meant something else.
        if (!double.TryParse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value)
            || !double.IsFinite(value))
        {
            return Fail(definition, raw, "it is not a number");
        }

        return InRange(definition, value)
            ? ParameterCheck.Valid(definition.Name, raw, new NumberValue(value))
            : Fail(definition, raw, "it is out of range");
    }

    private static ParameterCheck CheckChoice(ParameterDefinition definition, string raw, string text)
    {
        var match = Allowed(definition, text);
        return match is null
            ? Fail(definition, raw, "it is not one of the allowed values")
            : ParameterCheck.Valid(definition.Name, raw, new ChoiceValue(match));
    }

    private static ParameterCheck CheckList(ParameterDefinition definition, string raw, string text)
    {
        var items = new List<string>();
        foreach (var item in SplitItems(text))
        {
            var match = Allowed(definition, item);
            if (match is null)
            {
                return Fail(definition, raw, $"{Printable.Quote(item, '\'')} is not one of the allowed values");
            }

            if (!items.Contains(match))
            {
                items.Add(match);
            }
        }

        return ParameterCheck.Valid(definition.Name, raw, new ListValue(items));
    }

    private static ParameterCheck CheckTextList(ParameterDefinition definition, string raw, string text)
    {
        var items = new List<string>();
        foreach (var item in SplitItems(text))
        {
            if (item.Length > MaximumTextItemLength)
            {
                return Fail(definition, raw, $"an item is longer than {MaximumTextItemLength} characters");
            }

            if (item.Any(char.IsControl))
            {
                return Fail(definition, raw, "an item contains a control character");
            }

            if (!items.Contains(item, StringComparer.OrdinalIgnoreCase))
            {
                items.Add(item);
            }
        }

        return ParameterCheck.Valid(definition.Name, raw, new ListValue(items));
    }

    private static string[] SplitItems(string text) =>
        text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);

    private static string? Allowed(ParameterDefinition definition, string text) =>
        definition.AllowedValues.FirstOrDefault(v => v.Equals(text, StringComparison.OrdinalIgnoreCase));

    private static bool InRange(ParameterDefinition definition, double value) =>
        (definition.Minimum is not { } min || value >= min) && (definition.Maximum is not { } max || value <= max);

    private static ParameterCheck Fail(ParameterDefinition definition, string? raw, string reason)
    {
        var unit = definition.Unit is null ? "" : $" ({definition.Unit})";
        // Bad values are echoed into mails and logs: Printable keeps them short and unable to forge lines.
        var shown = raw is null ? "" : $" = {Printable.Quote(raw, '\'')}";
        return ParameterCheck.Invalid(
            definition.Name,
            raw,
            $"{definition.Name}{shown} is not valid: {reason}; allowed: {definition.AllowedText}{unit}.");
    }

}
