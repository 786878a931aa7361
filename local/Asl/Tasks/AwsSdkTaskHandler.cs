using ContinuousImprovement.Asl.Json;

namespace ContinuousImprovement.Asl.Tasks;

/// <summary>
/// Runs <c>arn:aws:states:::aws-sdk:&lt;service&gt;:&lt;action&gt;</c> with a registered <see cref="AwsSdkCall"/>,
/// naming its service errors as Step Functions does (<see cref="AwsSdkException.ErrorName"/>).
/// </summary>
internal sealed class AwsSdkTaskHandler(string errorPrefix, AwsSdkCall call) : ITaskHandler
{
    public const string Prefix = "arn:aws:states:::aws-sdk:";

    public static string Resource(string service, string action) => $"{Prefix}{service}:{action}";

    /// <summary>
    /// Step Functions writes the service PascalCase (<c>ssm</c> → <c>Ssm</c>, <c>s3</c> → <c>S3</c>); a service
    /// whose PascalCase has inner capitals (<c>acmpca</c> → <c>AcmPca</c>) is registered with its prefix given.
    /// </summary>
    public static string ErrorPrefix(string service) => char.ToUpperInvariant(service[0]) + service[1..];

    public async ValueTask<TaskResult> InvokeAsync(TaskInvocation invocation, CancellationToken cancellationToken)
    {
        if (invocation.Input is not JsonObject request)
        {
            return TaskResult.Failure(StatesErrors.Runtime, $"State '{invocation.StateName}' passes {invocation.Input.Kind} to {invocation.Resource}; an AWS SDK request is a JSON object.");
        }

        try
        {
            return await call(request, cancellationToken).ConfigureAwait(false);
        }
        catch (AwsSdkException e)
        {
            return TaskResult.Failure(e.ErrorName(errorPrefix), e.Message);
        }
    }
}
