namespace ContinuousImprovement.Core.Events;

/// <summary>How an <see cref="EventPatternText"/> compares a string value with its text.</summary>
internal enum EventPatternTextMode
{
    Prefix,
    Suffix,
    Equals,
}
