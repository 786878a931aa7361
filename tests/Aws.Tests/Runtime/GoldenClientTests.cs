using System.Text;
using System.Text.Json;
using ContinuousImprovement.Aws.Runtime;
using ContinuousImprovement.Aws.Tests.Services;
using ContinuousImprovement.Aws.Tests.Signing;

namespace ContinuousImprovement.Aws.Tests.Runtime;

/// <summary>The golden requests sent through the whole client (typed record → protocol → endpoint → AWSSDK.Core signer → HttpClient).</summary>
public sealed class GoldenClientTests
{
    public static TheoryData<string> Cases() => GoldenCase.Names();

    [Theory]
    [MemberData(nameof(Cases))]
    public void Typed_request_record_carries_every_golden_parameter(string name)
    {
        var golden = GoldenCase.Named(name);
        var op = Typed(golden);
        var parameters = golden.Parameters();

        var record = JsonSerializer.Deserialize(parameters, op.Request);
        var back = JsonSerializer.SerializeToElement(record, op.Request);

        Assert.True(JsonElement.DeepEquals(parameters, back), $"{back}\nexpected {parameters}");
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Client_sends_the_golden_request_signed_for_the_golden_time(string name)
    {
        var golden = GoldenCase.Named(name);
        var op = Typed(golden);
        var aws = new FakeAws().Respond(200, golden.Service.Model.Metadata.Protocol == "query" ? "<PublishResponse><PublishResult/></PublishResponse>" : "{}");
        using var client = new AwsServiceClient(golden.Service, TestOptions.For(aws, sessionToken: golden.SessionToken is not null));
        var record = JsonSerializer.Deserialize(golden.Parameters(), op.Request);

        try
        {
            await client.InvokeAsync(golden.Operation, JsonSerializer.SerializeToElement(record, op.Request));
        }
        catch (Errors.AwsServiceException e) when (e.Error.Code == Errors.AwsErrorClassifier.MalformedResponse)
        {
            // "{}" lacks members some responses require; only the request matters here.
        }

        var sent = Assert.Single(aws.Sent);
        var theirs = RawHttpRequest.Parse(golden.SignedRequest);
        Assert.Equal(theirs.Method, sent.Method);
        Assert.Equal($"https://{golden.Host}{theirs.Path}", sent.Uri.GetLeftPart(UriPartial.Path));
        foreach (var header in theirs.Headers.Where(h => h.Key is "Content-Type" or "X-Amz-Target" or "X-Amz-Date" or "X-Amz-Security-Token"))
        {
            Assert.Equal(header.Value, sent.Headers[header.Key]);
        }
        // The sent Authorization is the spec signature of exactly what was sent, plus the content hash AWSSDK.Core adds.
        var signable = new SignableRequest(sent.Method, sent.Uri.AbsolutePath, sent.Uri.Query.TrimStart('?'),
            sent.Headers.Where(h => h.Key is not "Authorization" and not "User-Agent" and not "Content-Length")
                .Append(new("Host", sent.Uri.Host)).ToList(), sent.Body);
        Assert.Equal(SpecSigV4.Sign(signable, "us-east-1", golden.SigningName, GoldenCase.SignedAt).Authorization, sent.Headers["Authorization"]);
        if (sent.BodyText == golden.Body)
        {
            // Byte-identical bodies (awsQuery, empty GET): the whole signature equals AWSSDK.Core's recorded one.
            Assert.Equal(AwsSdkCoreRecording.For(name)["Authorization"], sent.Headers["Authorization"]);
        }
    }

    private static TypedOperation Typed(GoldenCase golden) =>
        TypedOperation.All.Single(o => o.Service == golden.Service && o.Operation == golden.Operation);
}
