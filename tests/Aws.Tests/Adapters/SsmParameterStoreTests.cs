using System.Text.Json;
using Amazon.Runtime;
using Amazon.SimpleSystemsManagement;
using ContinuousImprovement.Aws.Adapters;
using ContinuousImprovement.Aws.Tests.Peers;
using ContinuousImprovement.Core.Ports;

namespace ContinuousImprovement.Aws.Tests.Adapters;

/// <summary>
/// The SSM adapter through the real AWSSDK.SimpleSystemsManagement client against a loopback server speaking
/// awsJson1_1 with the service model's shapes (Parameter: Name, Type, Value, Version, LastModifiedDate, ARN, DataType).
/// No local SSM exists, so these pin both the requests the SDK sends and how answers are read.
/// </summary>
public sealed class SsmParameterStoreTests : IDisposable
{
    private static readonly (string, string) Json11 = ("Content-Type", "application/x-amz-json-1.1");
    private readonly LoopbackServer server = new();
    private readonly AmazonSimpleSystemsManagementClient client;
    private readonly SsmParameterStore store;

    public SsmParameterStoreTests()
    {
        client = new AmazonSimpleSystemsManagementClient(
            new BasicAWSCredentials("AKID", "SECRET"),
            new AmazonSimpleSystemsManagementConfig { ServiceURL = server.Url.ToString(), AuthenticationRegion = "us-east-1", MaxErrorRetry = 0 });
        store = new SsmParameterStore(client);
    }

    private static string Parameter(string name, string value, long version) =>
        $$"""{"Name":"{{name}}","Type":"String","Value":"{{value}}","Version":{{version}},"LastModifiedDate":1.764146E9,"ARN":"arn:aws:ssm:us-east-1:111122223333:parameter{{name}}","DataType":"text"}""";

    private static JsonElement Body(ReceivedRequest request) => JsonDocument.Parse(request.Body).RootElement;

    [Fact]
    public async Task Get_by_path_reads_every_page_and_sends_the_path_non_recursive_with_the_next_token()
    {
        server.Respond(200, $$"""{"Parameters":[{{Parameter("/CI/A", "1", 3)}}],"NextToken":"page-2"}""", Json11)
              .Respond(200, $$"""{"Parameters":[{{Parameter("/CI/B", "two", 1)}}]}""", Json11);

        var parameters = await store.GetByPathAsync("/CI/", CancellationToken.None);

        Assert.Equal([new StoredParameter("/CI/A", "1", 3), new StoredParameter("/CI/B", "two", 1)], parameters);
        var requests = server.Received.ToArray();
        Assert.Equal(2, requests.Length);
        Assert.All(requests, r => Assert.Equal("AmazonSSM.GetParametersByPath", r.Header("X-Amz-Target")));
        Assert.All(requests, r => Assert.Equal("application/x-amz-json-1.1", r.Header("Content-Type")));
        Assert.Equal("/CI/", Body(requests[0]).GetProperty("Path").GetString());
        Assert.False(Body(requests[0]).GetProperty("Recursive").GetBoolean());
        Assert.False(Body(requests[0]).TryGetProperty("NextToken", out _));
        Assert.Equal("page-2", Body(requests[1]).GetProperty("NextToken").GetString());
    }

    [Fact]
    public async Task Get_reads_one_parameter_with_its_version()
    {
        server.Respond(200, $$"""{"Parameter":{{Parameter("/CI/Threshold", "75", 9)}}}""", Json11);

        var parameter = await store.GetAsync("/CI/Threshold", CancellationToken.None);

        Assert.Equal(new StoredParameter("/CI/Threshold", "75", 9), parameter);
        Assert.Equal("AmazonSSM.GetParameter", server.Single.Header("X-Amz-Target"));
        Assert.Equal("""{"Name":"/CI/Threshold"}""", server.Single.Body);
    }

    [Fact]
    public async Task A_missing_parameter_is_null()
    {
        server.Respond(400, """{"__type":"ParameterNotFound","message":"Parameter /CI/None not found."}""", Json11);

        Assert.Null(await store.GetAsync("/CI/None", CancellationToken.None));
    }

    [Fact]
    public async Task Put_overwrites_a_string_parameter_and_returns_the_new_version()
    {
        server.Respond(200, """{"Version":4,"Tier":"Standard"}""", Json11);

        var version = await store.PutAsync("/CI/Threshold", "80", CancellationToken.None);

        Assert.Equal(4, version);
        Assert.Equal("AmazonSSM.PutParameter", server.Single.Header("X-Amz-Target"));
        var body = Body(server.Single);
        Assert.Equal("/CI/Threshold", body.GetProperty("Name").GetString());
        Assert.Equal("80", body.GetProperty("Value").GetString());
        Assert.True(body.GetProperty("Overwrite").GetBoolean());
        Assert.Equal("String", body.GetProperty("Type").GetString());
        Assert.Equal("Intelligent-Tiering", body.GetProperty("Tier").GetString());
    }

    [Fact]
    public async Task A_write_over_version_zero_is_a_create_that_does_not_overwrite()
    {
        server.Respond(200, """{"Version":1,"Tier":"Standard"}""", Json11);

        var write = await store.PutAfterAsync("/CI/System", "{}", 0, CancellationToken.None);

        Assert.Equal(new ParameterWrite(0, 1), write);
        Assert.False(write.Interleaved);
        Assert.Equal("AmazonSSM.PutParameter", server.Single.Header("X-Amz-Target"));
        var body = Body(server.Single);
        Assert.Equal("/CI/System", body.GetProperty("Name").GetString());
        Assert.Equal("{}", body.GetProperty("Value").GetString());
        Assert.False(body.GetProperty("Overwrite").GetBoolean());
    }

    [Fact]
    public async Task A_create_refused_because_the_parameter_exists_is_a_conflict()
    {
        server.Respond(400, """{"__type":"ParameterAlreadyExists","message":"The parameter already exists. To overwrite this value, set the overwrite option in the request to true."}""", Json11);

        var failure = await Assert.ThrowsAsync<PortException>(() => store.PutAfterAsync("/CI/System", "{}", 0, CancellationToken.None));

        Assert.Equal(PortFailure.Conflict, failure.Failure);
        Assert.Contains("/CI/System", failure.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(5, false)]
    [InlineData(7, true)]
    public async Task A_write_over_a_read_version_overwrites_and_tells_whether_other_writes_came_between(long answered, bool interleaved)
    {
        server.Respond(200, $$"""{"Version":{{answered}},"Tier":"Standard"}""", Json11);

        var write = await store.PutAfterAsync("/CI/System", """{"threshold":80}""", 4, CancellationToken.None);

        Assert.Equal(new ParameterWrite(4, answered), write);
        Assert.Equal(interleaved, write.Interleaved);
        var body = Body(server.Single);
        Assert.True(body.GetProperty("Overwrite").GetBoolean());
        Assert.Equal("""{"threshold":80}""", body.GetProperty("Value").GetString());
    }

    [Theory]
    [InlineData(400, "ThrottlingException", PortFailure.Throttled)]
    [InlineData(400, "TooManyUpdates", PortFailure.Throttled)]
    [InlineData(400, "AccessDeniedException", PortFailure.AccessDenied)]
    [InlineData(400, "ValidationException", PortFailure.Invalid)]
    [InlineData(500, "InternalServerError", PortFailure.Unavailable)]
    public async Task SSM_errors_become_the_matching_port_failure(int status, string code, PortFailure expected)
    {
        server.Respond(status, $$"""{"__type":"{{code}}","message":"from the test"}""", Json11);

        var failure = await Assert.ThrowsAsync<PortException>(() => store.PutAsync("/CI/X", "1", CancellationToken.None));

        Assert.Equal(expected, failure.Failure);
    }

    public void Dispose()
    {
        client.Dispose();
        server.Dispose();
    }
}
