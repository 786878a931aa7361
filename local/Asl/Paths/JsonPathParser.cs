using ContinuousImprovement.Asl.Paths.Filters;
using ContinuousImprovement.Asl.Paths.Selectors;

namespace ContinuousImprovement.Asl.Paths;

/// <summary>Turns JSONPath text into selectors; every syntax error is a <see cref="FormatException"/> naming the path.</summary>
internal static class JsonPathParser
{
    public static JsonPath Parse(string text)
    {
        var reader = new PathReader(text);
        if (!reader.TryConsume('$'))
        {
            throw reader.Error("a path must start with '$'");
        }

        var isContextPath = reader.TryConsume('$');
        var selectors = ParseSelectors(reader, inFilter: false);
        if (!reader.AtEnd)
        {
            throw reader.Error($"unexpected '{reader.Current}'");
        }

        return new JsonPath(text, isContextPath, selectors);
    }

    /// <summary>
    /// Reads steps after the root character. Inside a filter the steps end at the first character that cannot
    /// continue a path (an operator, a space, a parenthesis); at top level the whole text must be steps.
    /// </summary>
    public static PathSelector[] ParseSelectors(PathReader reader, bool inFilter)
    {
        var selectors = new List<PathSelector>();
        while (!reader.AtEnd)
        {
            var c = reader.Current;
            if (c == '.')
            {
                if (reader.Peek(1) == '.')
                {
                    reader.Position += 2;
                    selectors.Add(new DeepScanSelector(ParseScanTarget(reader, inFilter)));
                    continue;
                }

                reader.Position++;
                if (reader.AtEnd)
                {
                    throw reader.Error("a path must not end with '.'");
                }

                switch (reader.Current)
                {
                    case '[':
                        // Jayway accepts "$.[0]" and "$.['a']" as "$[0]" and "$['a']"; Step Functions users write them.
                        continue;
                    case '*':
                        reader.Position++;
                        selectors.Add(WildcardSelector.Instance);
                        continue;
                    default:
                        selectors.Add(new NameSelector(ReadDotName(reader, inFilter)));
                        continue;
                }
            }

            if (c == '[')
            {
                selectors.Add(ParseBracket(reader));
                continue;
            }

            if (inFilter)
            {
                break;
            }

            throw reader.Error($"unexpected '{c}'; a step starts with '.', '..' or '['");
        }

        MergeTrailingNames(selectors);
        return [.. selectors];
    }

    private static void MergeTrailingNames(List<PathSelector> selectors)
    {
        if (selectors.Count == 0)
        {
            return;
        }

        switch (selectors[^1])
        {
            case NamesSelector names:
                selectors[^1] = names.AsMerge();
                break;
            case DeepScanSelector { Target: NamesSelector names }:
                selectors[^1] = new DeepScanSelector(names.AsMerge());
                break;
        }
    }

    private static PathSelector ParseScanTarget(PathReader reader, bool inFilter)
    {
        if (reader.AtEnd)
        {
            throw reader.Error("a path must not end with '..'");
        }

        switch (reader.Current)
        {
            case '*':
                reader.Position++;
                return WildcardSelector.Instance;
            case '[':
                return ParseBracket(reader);
            case '.':
                throw reader.Error("'...' is not valid");
            default:
                return new NameSelector(ReadDotName(reader, inFilter));
        }
    }

    private static string ReadDotName(PathReader reader, bool inFilter)
    {
        var start = reader.Position;
        while (!reader.AtEnd)
        {
            var c = reader.Current;
            if (c is '.' or '[')
            {
                break;
            }

            if (c == '(')
            {
                throw reader.Error("functions such as length() are not supported by Step Functions paths");
            }

            if (c == ']' && !inFilter)
            {
                throw reader.Error("unexpected ']' without a matching '['");
            }

            if (char.IsWhiteSpace(c))
            {
                if (inFilter)
                {
                    break;
                }

                throw reader.Error("a name with spaces must be written in brackets, e.g. ['my name']");
            }

            if (inFilter && c is ')' or ']' or ',' or '=' or '!' or '<' or '>' or '&' or '|')
            {
                break;
            }

            reader.Position++;
        }

        if (reader.Position == start)
        {
            throw reader.Error("expected a member name");
        }

        return reader.Text[start..reader.Position];
    }

    private static PathSelector ParseBracket(PathReader reader)
    {
        reader.Expect('[');
        reader.SkipWhitespace();
        if (reader.AtEnd)
        {
            throw reader.Error("'[' is not closed");
        }

        PathSelector selector;
        var c = reader.Current;
        if (c is '\'' or '"')
        {
            selector = ParseNames(reader);
        }
        else if (c == '*')
        {
            reader.Position++;
            selector = WildcardSelector.Instance;
        }
        else if (c == '?')
        {
            reader.Position++;
            reader.SkipWhitespace();
            reader.Expect('(');
            var expression = FilterParser.Parse(reader);
            reader.SkipWhitespace();
            reader.Expect(')');
            selector = new FilterSelector(expression);
        }
        else if (c is '-' or ':' || char.IsAsciiDigit(c))
        {
            selector = ParseIndexes(reader);
        }
        else
        {
            throw reader.Error($"unexpected '{c}' after '['; expected a quoted name, an index, a slice, '*' or '?('");
        }

        reader.SkipWhitespace();
        reader.Expect(']');
        return selector;
    }

    private static PathSelector ParseNames(PathReader reader)
    {
        var names = new List<string>();
        while (true)
        {
            if (reader.AtEnd || reader.Current is not ('\'' or '"'))
            {
                throw reader.Error("expected a quoted name");
            }

            names.Add(reader.ReadQuoted());
            reader.SkipWhitespace();
            if (!reader.TryConsume(','))
            {
                break;
            }

            reader.SkipWhitespace();
        }

        return names.Count == 1 ? new NameSelector(names[0]) : new NamesSelector([.. names], merge: false);
    }

    private static PathSelector ParseIndexes(PathReader reader)
    {
        var first = reader.ReadInteger();
        reader.SkipWhitespace();
        if (reader.TryConsume(':'))
        {
            reader.SkipWhitespace();
            var end = reader.ReadInteger();
            reader.SkipWhitespace();
            var step = 1;
            if (reader.TryConsume(':'))
            {
                reader.SkipWhitespace();
                step = reader.ReadInteger() ?? 1;
                if (step == 0)
                {
                    throw reader.Error("a slice step must not be 0");
                }
            }

            return new SliceSelector(first, end, step);
        }

        if (first is not { } index)
        {
            throw reader.Error("expected an index");
        }

        if (reader.Peek() != ',')
        {
            return new IndexSelector(index);
        }

        var indexes = new List<int> { index };
        while (reader.TryConsume(','))
        {
            reader.SkipWhitespace();
            indexes.Add(reader.ReadInteger() ?? throw reader.Error("expected an index after ','"));
            reader.SkipWhitespace();
        }

        return new IndexesSelector([.. indexes]);
    }
}
