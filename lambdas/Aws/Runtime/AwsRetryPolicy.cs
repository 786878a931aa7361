using ContinuousImprovement.Aws.Errors;
using Polly;
using Polly.Retry;

namespace ContinuousImprovement.Aws.Runtime;

/// <summary>Which failures are retried (Retryable and Throttling, never Terminal) and how long to wait, as a Polly pipeline.</summary>
public static class AwsRetryPolicy
{
    /// <summary>The retry class of any failure of a call; transport faults and timeouts are Retryable.</summary>
    public static RetryClass Classify(Exception exception, CancellationToken callerToken) => exception switch
    {
        AwsServiceException aws => aws.Error.Retry,
        OperationCanceledException when callerToken.IsCancellationRequested => RetryClass.Terminal,
        // HttpClient reports its own timeout as a cancellation the caller did not ask for.
        OperationCanceledException or TimeoutException => RetryClass.Retryable,
        HttpRequestException or IOException => RetryClass.Retryable,
        _ => RetryClass.Terminal,
    };

    public static TimeSpan Delay(RetryClass retryClass, int attempt, AwsRetryOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var baseDelay = retryClass == RetryClass.Throttling ? options.ThrottlingBaseDelay : options.RetryableBaseDelay;
        var ceiling = Math.Min(options.MaxDelay.TotalMilliseconds, baseDelay.TotalMilliseconds * Math.Pow(2, attempt));
        return TimeSpan.FromMilliseconds(ceiling * options.Randomizer());
    }

    public static ResiliencePipeline Pipeline(AwsRetryOptions options, TimeProvider timeProvider, CancellationToken callerToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.MaxRetryAttempts == 0)
        {
            return ResiliencePipeline.Empty;
        }
        return new ResiliencePipelineBuilder { TimeProvider = timeProvider }
            .AddRetry(new RetryStrategyOptions
            {
                MaxRetryAttempts = options.MaxRetryAttempts,
                ShouldHandle = args => ValueTask.FromResult(args.Outcome.Exception is { } e && Classify(e, callerToken) != RetryClass.Terminal),
                DelayGenerator = args => ValueTask.FromResult<TimeSpan?>(
                    Delay(Classify(args.Outcome.Exception!, callerToken), args.AttemptNumber, options)),
            })
            .Build();
    }
}
