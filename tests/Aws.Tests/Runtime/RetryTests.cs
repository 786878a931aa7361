using ContinuousImprovement.Aws.Errors;
using ContinuousImprovement.Aws.Rekognition;
using ContinuousImprovement.Aws.Runtime;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace ContinuousImprovement.Aws.Tests.Runtime;

/// <summary>Backoff with jitter for Retryable and Throttling failures, none for Terminal ones, on a fake clock.</summary>
public sealed class RetryTests
{
    private static readonly DetectCustomLabelsRequest Detect = new("arn:pv", new Image(S3Object: new S3Object("bucket", "key.jpg")));
    private static readonly AwsRetryOptions HalfJitter = new() { MaxRetryAttempts = 3, Randomizer = () => 0.5 };
    private const string Throttled = """{"__type":"ThrottlingException","message":"Rate exceeded"}""";

    [Fact]
    public async Task Throttled_calls_are_retried_with_growing_throttling_delays_then_succeed()
    {
        var clock = new RecordingTimeProvider(TestOptions.Clock().GetUtcNow());
        var aws = new FakeAws().Respond(400, Throttled).Respond(400, Throttled).Respond(200, """{"CustomLabels":[{"Name":"cat","Confidence":99.5}]}""");
        using var client = new RekognitionClient(TestOptions.For(aws, clock, retry: HalfJitter));

        var result = await clock.Drive(() => client.DetectCustomLabelsAsync(Detect));

        Assert.Equal("cat", Assert.Single(result.CustomLabels!).Name);
        Assert.Equal(3, aws.Sent.Count);
        // 0.5 (jitter) × 500 ms × 2^n
        Assert.Equal([TimeSpan.FromMilliseconds(250), TimeSpan.FromMilliseconds(500)], clock.Timers);
    }

    [Fact]
    public async Task Service_unavailable_is_retried_with_the_shorter_retryable_delays()
    {
        var clock = new RecordingTimeProvider(TestOptions.Clock().GetUtcNow());
        var aws = new FakeAws().Respond(503, """{"__type":"ServiceUnavailableException","message":"busy"}""").Respond(200, """{"CustomLabels":[]}""");
        using var client = new RekognitionClient(TestOptions.For(aws, clock, retry: HalfJitter));

        await clock.Drive(() => client.DetectCustomLabelsAsync(Detect));

        Assert.Equal(2, aws.Sent.Count);
        Assert.Equal([TimeSpan.FromMilliseconds(50)], clock.Timers);
    }

    [Fact]
    public async Task Transport_failures_are_retried()
    {
        var clock = new RecordingTimeProvider(TestOptions.Clock().GetUtcNow());
        var aws = new FakeAws().Fail(new HttpRequestException("connection reset")).Respond(200, """{"CustomLabels":[]}""");
        using var client = new RekognitionClient(TestOptions.For(aws, clock, retry: HalfJitter));

        await clock.Drive(() => client.DetectCustomLabelsAsync(Detect));

        Assert.Equal(2, aws.Sent.Count);
    }

    [Fact]
    public async Task Terminal_errors_are_not_retried()
    {
        var clock = new RecordingTimeProvider(TestOptions.Clock().GetUtcNow());
        var aws = new FakeAws().Respond(400, """{"__type":"InvalidParameterException","message":"bad arn"}""").Respond(200, "{}");
        using var client = new RekognitionClient(TestOptions.For(aws, clock, retry: HalfJitter));

        var thrown = await Assert.ThrowsAsync<AwsServiceException>(() => clock.Drive(() => client.DetectCustomLabelsAsync(Detect)));

        Assert.Equal(AwsErrorKind.Validation, thrown.Error.Kind);
        Assert.Single(aws.Sent);
        Assert.Empty(clock.Timers);
    }

    [Fact]
    public async Task Retries_stop_after_the_maximum_and_the_last_error_is_thrown()
    {
        var clock = new RecordingTimeProvider(TestOptions.Clock().GetUtcNow());
        var aws = new FakeAws().Respond(400, Throttled).Respond(400, Throttled).Respond(400, Throttled).Respond(400, Throttled).Respond(200, "{}");
        using var client = new RekognitionClient(TestOptions.For(aws, clock, retry: HalfJitter));

        var thrown = await Assert.ThrowsAsync<AwsServiceException>(() => clock.Drive(() => client.DetectCustomLabelsAsync(Detect)));

        Assert.Equal(AwsErrorKind.Throttling, thrown.Error.Kind);
        Assert.Equal(4, aws.Sent.Count);
        Assert.Equal(3, clock.Timers.Count);
    }

    [Fact]
    public void Caller_cancellation_is_terminal_but_an_http_timeout_is_retryable()
    {
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();

        Assert.Equal(RetryClass.Terminal, AwsRetryPolicy.Classify(new OperationCanceledException(), cancelled.Token));
        Assert.Equal(RetryClass.Retryable, AwsRetryPolicy.Classify(new TaskCanceledException("HttpClient.Timeout"), CancellationToken.None));
        Assert.Equal(RetryClass.Terminal, AwsRetryPolicy.Classify(new ArgumentException("bug"), CancellationToken.None));
    }

    [Property]
    public Property Backoff_never_exceeds_the_cap_and_throttling_waits_at_least_as_long_as_retryable(PositiveInt attempt, NormalFloat jitter)
    {
        var unit = Math.Abs(jitter.Get) % 1;
        var options = new AwsRetryOptions { Randomizer = () => unit };
        var retryable = AwsRetryPolicy.Delay(RetryClass.Retryable, attempt.Get % 40, options);
        var throttling = AwsRetryPolicy.Delay(RetryClass.Throttling, attempt.Get % 40, options);
        return (throttling <= options.MaxDelay && retryable <= throttling && retryable >= TimeSpan.Zero).Label($"{retryable} {throttling}");
    }
}
