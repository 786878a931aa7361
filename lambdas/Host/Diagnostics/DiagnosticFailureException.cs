namespace ContinuousImprovement.Host.Diagnostics;

/// <summary>Thrown on purpose by the <c>fail</c> diagnostic handler.</summary>
public sealed class DiagnosticFailureException : Exception
{
    public DiagnosticFailureException()
    {
    }

    public DiagnosticFailureException(string message)
        : base(message)
    {
    }

    public DiagnosticFailureException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
