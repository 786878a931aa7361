using System.Text.Json;

namespace ContinuousImprovement.Core.Events;

/// <summary><c>prefix</c>, <c>suffix</c> and <c>equals-ignore-case</c> (and their ignore-case forms): string values only.</summary>
internal sealed class EventPatternText(EventPatternTextMode mode, string text, bool ignoreCase) : EventPatternValue
{
    private readonly StringComparison comparison = ignoreCase ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;

    public override bool Matches(ref EventPatternScalar value) =>
        value.Kind == JsonValueKind.String && mode switch
        {
            EventPatternTextMode.Prefix => value.Text.StartsWith(text, comparison),
            EventPatternTextMode.Suffix => value.Text.EndsWith(text, comparison),
            _ => string.Equals(value.Text, text, comparison),
        };
}
