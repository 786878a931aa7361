using System.Text.RegularExpressions;

using ContinuousImprovement.Asl.Json;

namespace ContinuousImprovement.Asl.Paths.Filters;

/// <summary>
/// <c>@.name =~ /pattern/i</c>: true when the whole string matches (Java's <c>Matcher.matches</c>, which
/// Jayway uses). Non-strings never match. A pattern that runs away is cut off and counts as no match, so a bad
/// definition cannot stall an execution.
/// </summary>
internal sealed class RegexFilter(FilterOperand left, Regex regex) : FilterExpression
{
    public override bool Matches(JsonValue item, JsonValue root)
    {
        if (!left.TryGetValue(item, root, out var value) || value is not JsonString text)
        {
            return false;
        }

        try
        {
            return regex.IsMatch(text.Value);
        }
        catch (RegexMatchTimeoutException)
        {
            return false;
        }
    }
}
