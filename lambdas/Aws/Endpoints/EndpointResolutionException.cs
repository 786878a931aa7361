namespace ContinuousImprovement.Aws.Endpoints;

/// <summary>The rule set refused the parameters, e.g. "FIPS is enabled but this partition does not support FIPS".</summary>
public sealed class EndpointResolutionException : Exception
{
    public EndpointResolutionException()
    {
    }

    public EndpointResolutionException(string message)
        : base(message)
    {
    }

    public EndpointResolutionException(string message, Exception inner)
        : base(message, inner)
    {
    }
}
