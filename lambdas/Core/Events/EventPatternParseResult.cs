using System.Diagnostics.CodeAnalysis;

namespace ContinuousImprovement.Core.Events;

/// <summary>
/// A compiled <see cref="EventPattern"/>, or the reason the pattern text is not one (naming the field at fault).
/// Parsing never throws on a bad pattern: a rule an operator or a stack got wrong must be reportable.
/// </summary>
public sealed class EventPatternParseResult
{
    internal EventPatternParseResult(EventPattern? pattern, string? error)
    {
        Pattern = pattern;
        Error = error;
    }

    public EventPattern? Pattern { get; }

    public string? Error { get; }

    [MemberNotNullWhen(true, nameof(Pattern))]
    [MemberNotNullWhen(false, nameof(Error))]
    public bool Succeeded => Pattern is not null;

    public override string ToString() => Succeeded ? $"Ok({Pattern})" : $"Error({Error})";
}
