using System.Net;

namespace ContinuousImprovement.Host.Runtime;

/// <summary>The Runtime API answered with a status the host cannot carry on from as if nothing happened.</summary>
public sealed class RuntimeApiException : Exception
{
    public RuntimeApiException(string operation, HttpStatusCode status, string body)
        : base($"Runtime API {operation} answered {(int)status} {status}: {body}")
    {
        Operation = operation;
        Status = status;
    }

    public RuntimeApiException()
    {
        Operation = string.Empty;
    }

    public RuntimeApiException(string message)
        : base(message)
    {
        Operation = string.Empty;
    }

    public RuntimeApiException(string message, Exception innerException)
        : base(message, innerException)
    {
        Operation = string.Empty;
    }

    public string Operation { get; }

    public HttpStatusCode Status { get; }

    /// <summary>5xx: the spec calls it a container error the runtime should exit on.</summary>
    public bool IsFatal => (int)Status >= 500 || Status == 0;
}
