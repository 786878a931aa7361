using System.Text.Encodings.Web;
using System.Text.Json;

using ContinuousImprovement.Core.Events;

namespace ContinuousImprovement.Core.Tests.Events;

/// <summary>Compiles a pattern that must be valid and matches events given as JSON text.</summary>
internal static class PatternTesting
{
    public static EventPattern Compile(string pattern)
    {
        var parsed = EventPattern.Parse(pattern);
        Assert.True(parsed.Succeeded, $"pattern {pattern} did not compile: {parsed.Error}");
        return parsed.Pattern;
    }

    public static bool Matches(string pattern, string eventJson) => Compile(pattern).Matches(eventJson);

    /// <summary>A JSON string literal for any text (lone surrogates become U+FFFD, as a JSON producer would write them).</summary>
    public static string Str(string text) =>
        "\"" + JsonEncodedText.Encode(text, JavaScriptEncoder.UnsafeRelaxedJsonEscaping) + "\"";

    public static string Error(string pattern)
    {
        var parsed = EventPattern.Parse(pattern);
        Assert.False(parsed.Succeeded, $"pattern {pattern} compiled but should not");
        Assert.Null(parsed.Pattern);
        return parsed.Error;
    }
}
