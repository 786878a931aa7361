using System.Globalization;
using System.Text;

using ContinuousImprovement.Asl.Json;
using ContinuousImprovement.Asl.Paths;

namespace ContinuousImprovement.Asl.Intrinsics;

/// <summary>
/// Parses <c>States.Name(arg, ...)</c> once, at definition load. Arguments: quoted strings
/// (<c>'...'</c>, where only <c>\'</c>, <c>\{</c>, <c>\}</c> and <c>\\</c> are escapes and any other
/// backslash is an error, as AWS documents), numbers, <c>true</c>, <c>false</c>, <c>null</c>, paths
/// <c>$...</c> and <c>$$...</c>, and nested calls. Whitespace may surround any token. Every problem is a
/// <see cref="FormatException"/> naming the expression and the position.
/// </summary>
internal sealed class IntrinsicParser
{
    /// <summary>AWS allows up to 10 nested intrinsic functions in one field.</summary>
    public const int MaxDepth = 10;

    private readonly string text;
    private int position;
    private int depth;

    private IntrinsicParser(string text) => this.text = text;

    private bool AtEnd => position >= text.Length;

    private char Current => text[position];

    public static IntrinsicCall Parse(string text)
    {
        var parser = new IntrinsicParser(text);
        parser.SkipWhitespace();
        var call = parser.ParseCall();
        parser.SkipWhitespace();
        if (!parser.AtEnd)
        {
            throw parser.Error($"unexpected '{parser.Current}' after the closing ')'");
        }

        return call;
    }

    private IntrinsicCall ParseCall()
    {
        var start = position;
        if (string.CompareOrdinal(text, position, "States.", 0, 7) != 0)
        {
            throw Error("expected an intrinsic function such as States.Format(...)");
        }

        position += 7;
        var nameStart = position;
        while (!AtEnd && char.IsAsciiLetterOrDigit(Current))
        {
            position++;
        }

        var name = text[start..position];
        if (position == nameStart || !IntrinsicFunctions.TryFind(name, out var function))
        {
            position = start;
            throw Error($"'{name}' is not an intrinsic function; the functions are {string.Join(", ", IntrinsicFunctions.Names.Order(StringComparer.Ordinal))}");
        }

        SkipWhitespace();
        Expect('(');
        if (++depth > MaxDepth)
        {
            position = start;
            throw Error($"intrinsic functions may be nested at most {MaxDepth} deep");
        }

        var arguments = new List<IntrinsicArgument>();
        SkipWhitespace();
        if (!TryConsume(')'))
        {
            while (true)
            {
                arguments.Add(ParseArgument());
                SkipWhitespace();
                if (TryConsume(')'))
                {
                    break;
                }

                if (!TryConsume(','))
                {
                    throw Error(AtEnd ? $"{name}( is not closed" : $"expected ',' or ')' but found '{Current}'");
                }
            }
        }

        depth--;
        if (arguments.Count < function.MinArguments || arguments.Count > function.MaxArguments)
        {
            position = start;
            throw Error($"{name} takes {Arity(function)}, but {arguments.Count} {(arguments.Count == 1 ? "was" : "were")} given");
        }

        return new IntrinsicCall(function, [.. arguments], text[start..position]);
    }

    private IntrinsicArgument ParseArgument()
    {
        SkipWhitespace();
        if (AtEnd)
        {
            throw Error("the expression ends where an argument was expected");
        }

        var c = Current;
        if (c == '\'')
        {
            return ParseString();
        }

        if (c == '$')
        {
            return ParsePath();
        }

        if (c == 'S' && string.CompareOrdinal(text, position, "States.", 0, 7) == 0)
        {
            return new CallArgument(ParseCall());
        }

        if (c == '-' || char.IsAsciiDigit(c))
        {
            return ParseNumber();
        }

        foreach (var (word, value) in new[] { ("true", JsonValue.True), ("false", JsonValue.False), ("null", JsonValue.Null) })
        {
            if (string.CompareOrdinal(text, position, word, 0, word.Length) == 0 && IsArgumentEnd(position + word.Length))
            {
                position += word.Length;
                return new LiteralArgument(word, value, null);
            }
        }

        throw Error($"unexpected '{c}'; an argument is a 'quoted string', a number, true, false, null, a $path or a States.* call");
    }

    private LiteralArgument ParseString()
    {
        var start = position;
        position++;
        var value = new StringBuilder();
        List<int>? placeholders = null;
        while (true)
        {
            if (AtEnd)
            {
                position = start;
                throw Error("the string starting here is not closed with '");
            }

            var c = Current;
            if (c == '\\')
            {
                var next = position + 1 < text.Length ? text[position + 1] : '\0';
                if (next is not ('\'' or '{' or '}' or '\\'))
                {
                    throw Error(next == '\0'
                        ? "a backslash ends the expression"
                        : $"'\\{next}' is not an escape; only \\', \\{{, \\}} and \\\\ are allowed in intrinsic strings");
                }

                value.Append(next);
                position += 2;
                continue;
            }

            position++;
            if (c == '\'')
            {
                break;
            }

            if (c == '{' && !AtEnd && Current == '}')
            {
                (placeholders ??= []).Add(value.Length);
                value.Append("{}");
                position++;
                continue;
            }

            value.Append(c);
        }

        var literal = value.ToString();
        return new LiteralArgument(text[start..position], new JsonString(literal), FormatTemplate.FromLiteral(literal, placeholders ?? []));
    }

    private PathArgument ParsePath()
    {
        // The path runs to the first ',' or ')' or space outside brackets, quotes and filter parentheses.
        var start = position;
        var brackets = 0;
        var parentheses = 0;
        var quote = '\0';
        while (!AtEnd)
        {
            var c = Current;
            if (quote != '\0')
            {
                if (c == '\\')
                {
                    position++;
                }
                else if (c == quote)
                {
                    quote = '\0';
                }
            }
            else if (brackets > 0 && c is '\'' or '"')
            {
                quote = c;
            }
            else if (c == '[')
            {
                brackets++;
            }
            else if (c == ']')
            {
                brackets--;
            }
            else if (c == '(')
            {
                parentheses++;
            }
            else if (c == ')' && parentheses > 0)
            {
                parentheses--;
            }
            else if (brackets == 0 && parentheses == 0 && (c is ',' or ')' || char.IsWhiteSpace(c)))
            {
                break;
            }

            position++;
        }

        position = Math.Min(position, text.Length);
        var pathText = text[start..position];
        if (!JsonPath.TryCompile(pathText, out var path, out var error))
        {
            position = start;
            throw Error(error);
        }

        return new PathArgument(path);
    }

    private LiteralArgument ParseNumber()
    {
        var start = position;
        TryConsume('-');
        var digits = position;
        SkipDigits();
        if (position == digits)
        {
            throw Error("expected a digit after '-'");
        }

        if (TryConsume('.'))
        {
            var fraction = position;
            SkipDigits();
            if (position == fraction)
            {
                throw Error("expected a digit after '.'");
            }
        }

        if (!AtEnd && Current is 'e' or 'E')
        {
            position++;
            if (!AtEnd && Current is '+' or '-')
            {
                position++;
            }

            var exponent = position;
            SkipDigits();
            if (position == exponent)
            {
                throw Error("expected a digit in the exponent");
            }
        }

        if (!IsArgumentEnd(position))
        {
            throw Error($"unexpected '{Current}' in a number");
        }

        var source = text[start..position];
        var value = double.Parse(source, NumberStyles.Float, CultureInfo.InvariantCulture);
        if (!double.IsFinite(value))
        {
            position = start;
            throw Error($"the number {source} is too large");
        }

        return new LiteralArgument(source, new JsonNumber(value), null);
    }

    private bool IsArgumentEnd(int at) => at >= text.Length || text[at] is ',' or ')' || char.IsWhiteSpace(text[at]);

    private void SkipDigits()
    {
        while (!AtEnd && char.IsAsciiDigit(Current))
        {
            position++;
        }
    }

    private void SkipWhitespace()
    {
        while (!AtEnd && char.IsWhiteSpace(Current))
        {
            position++;
        }
    }

    private bool TryConsume(char expected)
    {
        if (!AtEnd && Current == expected)
        {
            position++;
            return true;
        }

        return false;
    }

    private void Expect(char expected)
    {
        if (!TryConsume(expected))
        {
            throw Error(AtEnd ? $"expected '{expected}' but the expression ends" : $"expected '{expected}' but found '{Current}'");
        }
    }

    private static string Arity(IntrinsicFunction function) =>
        function.MaxArguments == int.MaxValue ? $"at least {Count(function.MinArguments)}"
        : function.MinArguments == function.MaxArguments ? $"exactly {Count(function.MinArguments)}"
        : $"{function.MinArguments} to {function.MaxArguments} arguments";

    private static string Count(int n) => n == 1 ? "1 argument" : $"{n} arguments";

    private FormatException Error(string message) =>
        new($"Invalid intrinsic function '{text}': {message} (at position {position}).");
}
