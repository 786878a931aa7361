using ContinuousImprovement.Aws.Errors;
using ContinuousImprovement.Aws.Rekognition;
using ContinuousImprovement.Aws.Runtime;
using ContinuousImprovement.Aws.Sns;
using ContinuousImprovement.Aws.StepFunctions;
using ContinuousImprovement.Aws.Tests.Signing;

namespace ContinuousImprovement.Aws.Tests.Runtime;

/// <summary>How the client reports what goes wrong: unknown codes, unreadable bodies, clock skew; never a credential.</summary>
public sealed class ClientFailureTests
{
    private static readonly DetectCustomLabelsRequest Detect = new("arn:pv", new Image(S3Object: new S3Object("bucket", "key.jpg")));

    [Fact]
    public async Task Unknown_error_code_becomes_a_typed_error_with_the_raw_code_and_message()
    {
        var aws = new FakeAws().Respond(400, """{"__type":"com.amazonaws.rekognition#BrandNewException","message":"Something new"}""", ("x-amzn-RequestId", "req-1"));
        using var client = new RekognitionClient(TestOptions.For(aws));

        var thrown = await Assert.ThrowsAsync<AwsServiceException>(() => client.DetectCustomLabelsAsync(Detect));

        Assert.Equal(new AwsServiceError("Rekognition", "BrandNewException", "Something new", 400, "req-1", AwsErrorKind.Unknown), thrown.Error);
        Assert.Equal(RetryClass.Terminal, thrown.Error.Retry);
    }

    [Fact]
    public async Task Html_error_page_from_a_proxy_gives_the_status_and_a_snippet_of_the_body()
    {
        var aws = new FakeAws().Respond(502, "<html><body>Bad Gateway</body></html>", ("Content-Type", "text/html"));
        using var client = new RekognitionClient(TestOptions.For(aws));

        var thrown = await Assert.ThrowsAsync<AwsServiceException>(() => client.DetectCustomLabelsAsync(Detect));

        Assert.Equal("Http502", thrown.Error.Code);
        Assert.Equal(AwsErrorKind.ServiceUnavailable, thrown.Error.Kind);
        Assert.Equal(RetryClass.Retryable, thrown.Error.Retry);
        Assert.Contains("HTTP 502", thrown.Error.Message, StringComparison.Ordinal);
        Assert.Contains("<html><body>Bad Gateway", thrown.Error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Truncated_success_body_is_a_retryable_malformed_response_naming_the_operation()
    {
        var aws = new FakeAws().Respond(200, """{"CustomLabels": [{"Name": "cat", "Confid""");
        using var client = new RekognitionClient(TestOptions.For(aws));

        var thrown = await Assert.ThrowsAsync<AwsServiceException>(() => client.DetectCustomLabelsAsync(Detect));

        Assert.Equal(AwsErrorClassifier.MalformedResponse, thrown.Error.Code);
        Assert.Equal(RetryClass.Retryable, thrown.Error.Retry);
        Assert.StartsWith("DetectCustomLabels succeeded (HTTP 200) but its response could not be read", thrown.Error.Message, StringComparison.Ordinal);
        Assert.Contains("of 41 bytes", thrown.Error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Response_missing_a_model_required_member_is_malformed_not_a_silent_default()
    {
        var aws = new FakeAws().Respond(200, """{"executionArn":"arn:exec"}""");
        using var client = new StepFunctionsClient(TestOptions.For(aws));

        var thrown = await Assert.ThrowsAsync<AwsServiceException>(() => client.StartExecutionAsync(new StartExecutionRequest("arn:sm")));

        Assert.Equal(AwsErrorClassifier.MalformedResponse, thrown.Error.Code);
        Assert.Contains("startDate", thrown.Error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sns_xml_that_is_not_xml_is_malformed()
    {
        var aws = new FakeAws().Respond(200, "<PublishResponse><PublishResult><MessageId>abc");
        using var client = new SnsClient(TestOptions.For(aws));

        var thrown = await Assert.ThrowsAsync<AwsServiceException>(() => client.PublishAsync(new PublishRequest("m", TopicArn: "arn:t")));

        Assert.Equal(AwsErrorClassifier.MalformedResponse, thrown.Error.Code);
    }

    [Fact]
    public async Task Clock_skew_error_says_so_and_the_retry_is_signed_with_aws_clock()
    {
        var clock = TestOptions.Clock();
        var awsNow = clock.GetUtcNow().AddMinutes(20);
        var aws = new FakeAws()
            .Respond(400, """{"__type":"InvalidSignatureException","message":"Signature expired: 20150830T123600Z is now earlier than 20150830T125100Z (20150830T125600Z - 5 min.)"}""",
                ("Date", awsNow.ToString("r", System.Globalization.CultureInfo.InvariantCulture)))
            .Respond(200, """{"CustomLabels":[]}""");
        using var client = new RekognitionClient(TestOptions.For(aws, clock, retry: new AwsRetryOptions { MaxRetryAttempts = 1, Randomizer = () => 0 }));

        var result = await client.DetectCustomLabelsAsync(Detect);

        Assert.Empty(result.CustomLabels!);
        Assert.Equal("20150830T123600Z", aws.Sent[0].Headers["X-Amz-Date"]);
        Assert.Equal("20150830T125600Z", aws.Sent[1].Headers["X-Amz-Date"]);
    }

    [Fact]
    public void Clock_skew_error_message_tells_what_to_check()
    {
        var response = Aws.Protocols.AwsHttpResponse.Create(403, [new KeyValuePair<string, string>("Date", "Sun, 30 Aug 2015 12:56:00 GMT")], "{}"u8.ToArray());

        var error = AwsErrors.FromResponse("SNS", new Aws.Protocols.AwsErrorDetails("RequestExpired", "Request has expired.", "r"), response);

        Assert.Equal(AwsErrorKind.ClockSkew, error.Kind);
        Assert.Equal(RetryClass.Retryable, error.Retry);
        Assert.Contains("AWS's clock said Sun, 30 Aug 2015 12:56:00 GMT", error.Message, StringComparison.Ordinal);
        Assert.Contains("check the machine's time sync", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task No_error_exception_or_option_text_contains_the_secret_the_session_token_or_the_signature()
    {
        var aws = new FakeAws()
            .Respond(403, """{"__type":"UnrecognizedClientException","message":"The security token included in the request is invalid."}""")
            .Fail(new HttpRequestException("Connection refused (rekognition.us-east-1.amazonaws.com:443)"));
        var options = TestOptions.For(aws, sessionToken: true);
        using var client = new RekognitionClient(options);

        var denied = await Assert.ThrowsAsync<AwsServiceException>(() => client.DetectCustomLabelsAsync(Detect));
        var refused = await Assert.ThrowsAsync<HttpRequestException>(() => client.DetectCustomLabelsAsync(Detect));

        var signature = aws.Sent[0].Headers["Authorization"].Split("Signature=")[1];
        var texts = new[] { denied.ToString(), denied.Message, denied.Error.ToString(), refused.ToString(), options.ToString()! };
        foreach (var text in texts)
        {
            Assert.DoesNotContain(SpecSigV4.SecretKey, text, StringComparison.Ordinal);
            Assert.DoesNotContain(TestOptions.SessionToken, text, StringComparison.Ordinal);
            Assert.DoesNotContain(signature, text, StringComparison.Ordinal);
        }
        Assert.Equal(AwsErrorKind.AccessDenied, denied.Error.Kind);
    }

    [Fact]
    public async Task Session_token_is_sent_and_signed_as_on_lambda()
    {
        var aws = new FakeAws().Respond(200, """{"CustomLabels":[]}""");
        using var client = new RekognitionClient(TestOptions.For(aws, sessionToken: true));

        await client.DetectCustomLabelsAsync(Detect);

        var sent = Assert.Single(aws.Sent);
        Assert.Equal(TestOptions.SessionToken, sent.Headers["X-Amz-Security-Token"]);
        Assert.Contains("x-amz-security-token", sent.Headers["Authorization"], StringComparison.Ordinal);
    }
}
