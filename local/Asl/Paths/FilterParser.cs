using System.Globalization;
using System.Text.RegularExpressions;

using ContinuousImprovement.Asl.Json;
using ContinuousImprovement.Asl.Paths.Filters;

namespace ContinuousImprovement.Asl.Paths;

/// <summary>
/// Parses the expression inside <c>[?( ... )]</c>:
/// <c>expr := and ('||' and)*</c>, <c>and := unary ('&amp;&amp;' unary)*</c>,
/// <c>unary := '!' unary | '(' expr ')' | operand [op operand]</c>, where an operand alone must be a path
/// and tests that the path exists. Operators: <c>== != &lt; &lt;= &gt; &gt;= =~ in nin</c>.
/// </summary>
internal static class FilterParser
{
    private static readonly TimeSpan RegexBudget = TimeSpan.FromMilliseconds(200);

    private static readonly string[] UnsupportedOperators = ["subsetof", "anyof", "noneof", "size", "empty", "contains"];

    public static FilterExpression Parse(PathReader reader) => ParseOr(reader);

    private static FilterExpression ParseOr(PathReader reader)
    {
        var left = ParseAnd(reader);
        while (true)
        {
            reader.SkipWhitespace();
            if (!reader.TryConsume("||"))
            {
                return left;
            }

            left = new OrFilter(left, ParseAnd(reader));
        }
    }

    private static FilterExpression ParseAnd(PathReader reader)
    {
        var left = ParseUnary(reader);
        while (true)
        {
            reader.SkipWhitespace();
            if (!reader.TryConsume("&&"))
            {
                return left;
            }

            left = new AndFilter(left, ParseUnary(reader));
        }
    }

    private static FilterExpression ParseUnary(PathReader reader)
    {
        reader.SkipWhitespace();
        if (reader.Peek() == '!' && reader.Peek(1) != '=')
        {
            reader.Position++;
            return new NotFilter(ParseUnary(reader));
        }

        if (reader.TryConsume('('))
        {
            var inner = ParseOr(reader);
            reader.SkipWhitespace();
            reader.Expect(')');
            return inner;
        }

        return ParseComparison(reader);
    }

    private static FilterExpression ParseComparison(PathReader reader)
    {
        var left = ParseOperand(reader);
        reader.SkipWhitespace();
        var at = reader.Position;
        if (reader.TryConsume("=~"))
        {
            return new RegexFilter(left, ParseRegex(reader));
        }

        FilterOperator? op =
            reader.TryConsume("==") ? FilterOperator.Equal
            : reader.TryConsume("!=") ? FilterOperator.NotEqual
            : reader.TryConsume("<=") ? FilterOperator.LessOrEqual
            : reader.TryConsume(">=") ? FilterOperator.GreaterOrEqual
            : reader.TryConsume('<') ? FilterOperator.Less
            : reader.TryConsume('>') ? FilterOperator.Greater
            : TryConsumeWord(reader, "nin") ? FilterOperator.NotIn
            : TryConsumeWord(reader, "in") ? FilterOperator.In
            : null;

        if (op is null)
        {
            foreach (var word in UnsupportedOperators)
            {
                if (TryConsumeWord(reader, word))
                {
                    reader.Position = at;
                    throw reader.Error($"the filter operator '{word}' is not supported");
                }
            }

            if (reader.Peek() == '=')
            {
                throw reader.Error("'=' is not an operator; use '=='");
            }

            return left is PathOperand path
                ? new ExistsFilter(path)
                : throw reader.Error("a literal alone is not a condition; compare it with a path");
        }

        var right = ParseOperand(reader);
        return new ComparisonFilter(left, op.Value, right);
    }

    private static bool TryConsumeWord(PathReader reader, string word)
    {
        var end = reader.Position + word.Length;
        if (!reader.TryConsume(word))
        {
            return false;
        }

        if (end < reader.Text.Length && char.IsAsciiLetterOrDigit(reader.Text[end]))
        {
            reader.Position -= word.Length;
            return false;
        }

        return true;
    }

    private static FilterOperand ParseOperand(PathReader reader)
    {
        reader.SkipWhitespace();
        if (reader.AtEnd)
        {
            throw reader.Error("the filter ends where a value was expected");
        }

        var c = reader.Current;
        if (c is '@' or '$')
        {
            var start = reader.Position;
            reader.Position++;
            var selectors = JsonPathParser.ParseSelectors(reader, inFilter: true);
            var text = reader.Text[start..reader.Position];
            return new PathOperand(new JsonPath(text, isContextPath: false, selectors), relative: c == '@');
        }

        return new LiteralOperand(ParseLiteral(reader));
    }

    private static JsonValue ParseLiteral(PathReader reader)
    {
        reader.SkipWhitespace();
        if (reader.AtEnd)
        {
            throw reader.Error("the filter ends where a value was expected");
        }

        var c = reader.Current;
        if (c is '\'' or '"')
        {
            return new JsonString(reader.ReadQuoted());
        }

        if (c == '-' || char.IsAsciiDigit(c))
        {
            return ParseNumber(reader);
        }

        if (c == '[')
        {
            reader.Position++;
            var items = new List<JsonValue>();
            reader.SkipWhitespace();
            if (!reader.TryConsume(']'))
            {
                do
                {
                    items.Add(ParseLiteral(reader));
                    reader.SkipWhitespace();
                }
                while (reader.TryConsume(','));

                reader.Expect(']');
            }

            return new JsonArray([.. items]);
        }

        if (TryConsumeWord(reader, "true"))
        {
            return JsonValue.True;
        }

        if (TryConsumeWord(reader, "false"))
        {
            return JsonValue.False;
        }

        if (TryConsumeWord(reader, "null"))
        {
            return JsonValue.Null;
        }

        throw reader.Error($"unexpected '{c}' where a value was expected (a path, a quoted string, a number, true, false, null or [list])");
    }

    private static JsonNumber ParseNumber(PathReader reader)
    {
        var start = reader.Position;
        reader.TryConsume('-');
        var digits = reader.Position;
        SkipDigits(reader);
        if (reader.Position == digits)
        {
            throw reader.Error("expected a number");
        }

        if (reader.Peek() == '.' && char.IsAsciiDigit(reader.Peek(1)))
        {
            reader.Position++;
            SkipDigits(reader);
        }

        if (reader.Peek() is 'e' or 'E')
        {
            reader.Position++;
            if (reader.Peek() is '+' or '-')
            {
                reader.Position++;
            }

            SkipDigits(reader);
        }

        var value = double.Parse(reader.Text.AsSpan(start, reader.Position - start), NumberStyles.Float, CultureInfo.InvariantCulture);
        return double.IsFinite(value) ? new JsonNumber(value) : throw reader.Error("the number is too large");
    }

    private static void SkipDigits(PathReader reader)
    {
        while (!reader.AtEnd && char.IsAsciiDigit(reader.Current))
        {
            reader.Position++;
        }
    }

    private static Regex ParseRegex(PathReader reader)
    {
        reader.SkipWhitespace();
        if (reader.Peek() != '/')
        {
            throw reader.Error("'=~' must be followed by a /pattern/");
        }

        var start = ++reader.Position;
        while (!reader.AtEnd && reader.Current != '/')
        {
            reader.Position += reader.Current == '\\' ? 2 : 1;
        }

        if (reader.AtEnd)
        {
            throw reader.Error("the /pattern/ is not closed");
        }

        var pattern = reader.Text[start..reader.Position];
        reader.Position++;
        var options = RegexOptions.CultureInvariant;
        while (!reader.AtEnd && char.IsAsciiLetter(reader.Current))
        {
            options |= reader.Current switch
            {
                'i' => RegexOptions.IgnoreCase,
                'm' => RegexOptions.Multiline,
                's' => RegexOptions.Singleline,
                'x' => RegexOptions.IgnorePatternWhitespace,
                _ => throw reader.Error($"unknown regex flag '{reader.Current}'"),
            };
            reader.Position++;
        }

        try
        {
            // Anchored: Jayway matches the whole string, not a substring.
            return new Regex($"\\A(?:{pattern})\\z", options, RegexBudget);
        }
        catch (ArgumentException e)
        {
            throw reader.Error($"invalid regular expression /{pattern}/: {e.Message}");
        }
    }
}
