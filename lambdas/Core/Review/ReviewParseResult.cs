using System.Diagnostics.CodeAnalysis;

namespace ContinuousImprovement.Core.Review;

/// <summary>A parsed value, or an error that names what in the input is wrong. Parsers never throw on bad input.</summary>
public sealed class ReviewParseResult<T>
    where T : class
{
    internal ReviewParseResult(T? value, string? error)
    {
        Value = value;
        Error = error;
    }

    public T? Value { get; }

    public string? Error { get; }

    [MemberNotNullWhen(true, nameof(Value))]
    [MemberNotNullWhen(false, nameof(Error))]
    public bool Succeeded => Value is not null;

    public override string ToString() => Succeeded ? $"Ok({Value})" : $"Error({Error})";
}
