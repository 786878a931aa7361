using ContinuousImprovement.Aws.Model;

namespace ContinuousImprovement.Aws.Protocols;

/// <summary>Picks the protocol a service model names in its metadata.</summary>
public static class AwsProtocols
{
    public static IAwsProtocol For(ServiceModel model, Func<string> newIdempotencyToken)
    {
        ArgumentNullException.ThrowIfNull(model);
        return model.Metadata.Protocol switch
        {
            "json" => new AwsJsonProtocol(model, newIdempotencyToken),
            "rest-json" => new RestJsonProtocol(model, newIdempotencyToken),
            "query" => new AwsQueryProtocol(model, newIdempotencyToken),
            var other => throw new NotSupportedException($"The {other} protocol of {model.Metadata.ServiceId} is not implemented."),
        };
    }
}
