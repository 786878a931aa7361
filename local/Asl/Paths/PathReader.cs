using System.Globalization;

namespace ContinuousImprovement.Asl.Paths;

/// <summary>A cursor over JSONPath text, shared by the path and filter parsers so errors point at one position.</summary>
internal sealed class PathReader(string text)
{
    public string Text { get; } = text;

    public int Position { get; set; }

    public bool AtEnd => Position >= Text.Length;

    public char Current => Text[Position];

    public char Peek(int offset = 0) => Position + offset < Text.Length ? Text[Position + offset] : '\0';

    public void SkipWhitespace()
    {
        while (!AtEnd && char.IsWhiteSpace(Current))
        {
            Position++;
        }
    }

    public bool TryConsume(char expected)
    {
        if (!AtEnd && Current == expected)
        {
            Position++;
            return true;
        }

        return false;
    }

    public bool TryConsume(string expected)
    {
        if (string.CompareOrdinal(Text, Position, expected, 0, expected.Length) == 0)
        {
            Position += expected.Length;
            return true;
        }

        return false;
    }

    public void Expect(char expected)
    {
        if (!TryConsume(expected))
        {
            throw Error(AtEnd ? $"expected '{expected}' but the path ends" : $"expected '{expected}' but found '{Current}'");
        }
    }

    /// <summary>
    /// Reads a quoted name or string literal. A backslash protects the next character from ending the string;
    /// only <c>\\</c> and an escaped delimiter are unescaped, any other pair is kept as written. That matches
    /// Step Functions, where <c>$['a\"b']</c> selects the member named <c>a\"b</c>.
    /// </summary>
    public string ReadQuoted()
    {
        var delimiter = Current;
        var start = Position;
        Position++;
        var builder = new System.Text.StringBuilder();
        while (true)
        {
            if (AtEnd)
            {
                Position = start;
                throw Error($"the string starting here has no closing {delimiter}");
            }

            var c = Current;
            if (c == '\\' && Position + 1 < Text.Length)
            {
                var next = Text[Position + 1];
                if (next == delimiter || next == '\\')
                {
                    builder.Append(next);
                }
                else
                {
                    builder.Append(c).Append(next);
                }

                Position += 2;
                continue;
            }

            Position++;
            if (c == delimiter)
            {
                return builder.ToString();
            }

            builder.Append(c);
        }
    }

    /// <summary>Reads an optionally negative whole number, or returns null when none starts here.</summary>
    public int? ReadInteger()
    {
        var start = Position;
        if (Peek() == '-')
        {
            Position++;
        }

        var digits = Position;
        while (!AtEnd && char.IsAsciiDigit(Current))
        {
            Position++;
        }

        if (Position == digits)
        {
            Position = start;
            return null;
        }

        if (!int.TryParse(Text.AsSpan(start, Position - start), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value))
        {
            Position = start;
            throw Error("the index is too large");
        }

        return value;
    }

    public FormatException Error(string message) =>
        new($"Invalid JSONPath '{Text}': {message} (at position {Position}).");
}
