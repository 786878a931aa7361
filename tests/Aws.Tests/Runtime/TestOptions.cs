using Amazon.Runtime;
using ContinuousImprovement.Aws.Runtime;
using ContinuousImprovement.Aws.Tests.Signing;
using Microsoft.Extensions.Time.Testing;

namespace ContinuousImprovement.Aws.Tests.Runtime;

/// <summary>Client options for offline tests: the suite's keys, a fake clock at the golden time, a fake transport.</summary>
internal static class TestOptions
{
    public const string SessionToken = "IQoJb3JpZ2luX2VjEXAMPLESESSIONTOKEN/+==";

    public static FakeTimeProvider Clock() => new(new DateTimeOffset(2015, 8, 30, 12, 36, 0, TimeSpan.Zero));

    public static AwsClientOptions For(FakeAws aws, TimeProvider? clock = null, bool sessionToken = false, AwsRetryOptions? retry = null) => new()
    {
        Region = "us-east-1",
        Credentials = sessionToken
            ? new SessionAWSCredentials(SpecSigV4.AccessKey, SpecSigV4.SecretKey, SessionToken)
            : new BasicAWSCredentials(SpecSigV4.AccessKey, SpecSigV4.SecretKey),
        Handler = aws,
        TimeProvider = clock ?? Clock(),
        Retry = retry ?? AwsRetryOptions.None,
    };
}
