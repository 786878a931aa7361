namespace ContinuousImprovement.Core.Review;

/// <summary>Factories for <see cref="ReviewParseResult{T}"/>.</summary>
public static class ReviewParseResults
{
    public static ReviewParseResult<T> Ok<T>(T value)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(value);
        return new(value, null);
    }

    public static ReviewParseResult<T> Fail<T>(string error)
        where T : class
    {
        ArgumentException.ThrowIfNullOrEmpty(error);
        return new(null, error);
    }
}
