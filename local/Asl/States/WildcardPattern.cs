namespace ContinuousImprovement.Asl.States;

/// <summary>StringMatches patterns: <c>*</c> matches any run of characters; <c>\*</c> and <c>\\</c> are a literal star and backslash.</summary>
internal static class WildcardPattern
{
    public static bool Matches(string pattern, string text)
    {
        var tokens = Tokenize(pattern);
        return Match(tokens, 0, text, 0, new Dictionary<(int, int), bool>());
    }

    private static List<(bool Star, char Literal)> Tokenize(string pattern)
    {
        var tokens = new List<(bool, char)>(pattern.Length);
        for (var i = 0; i < pattern.Length; i++)
        {
            if (pattern[i] == '\\' && i + 1 < pattern.Length && pattern[i + 1] is '*' or '\\')
            {
                tokens.Add((false, pattern[++i]));
            }
            else
            {
                tokens.Add((pattern[i] == '*', pattern[i]));
            }
        }

        return tokens;
    }

    private static bool Match(List<(bool Star, char Literal)> tokens, int t, string text, int s, Dictionary<(int, int), bool> memo)
    {
        while (t < tokens.Count && !tokens[t].Star)
        {
            if (s >= text.Length || text[s] != tokens[t].Literal)
            {
                return false;
            }

            t++;
            s++;
        }

        if (t == tokens.Count)
        {
            return s == text.Length;
        }

        if (memo.TryGetValue((t, s), out var known))
        {
            return known;
        }

        // A star: try every split point for the rest of the pattern.
        var result = false;
        for (var next = s; next <= text.Length && !result; next++)
        {
            result = Match(tokens, t + 1, text, next, memo);
        }

        memo[(t, s)] = result;
        return result;
    }
}
