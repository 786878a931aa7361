namespace ContinuousImprovement.Host.Runtime;

/// <summary>The event is not what the handler accepts (not JSON, or JSON of the wrong shape).</summary>
public sealed class InvalidEventException : Exception
{
    public InvalidEventException()
    {
    }

    public InvalidEventException(string message)
        : base(message)
    {
    }

    public InvalidEventException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
