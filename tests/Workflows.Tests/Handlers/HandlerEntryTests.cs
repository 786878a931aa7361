using System.Text;
using System.Text.Json.Serialization;
using ContinuousImprovement.Asl.Json;
using ContinuousImprovement.Asl.Runtime;
using ContinuousImprovement.Asl.Tasks;
using ContinuousImprovement.Core.Ports;
using ContinuousImprovement.Handlers.Invocation;
using ContinuousImprovement.Workflows.Tests.Twin;

namespace ContinuousImprovement.Workflows.Tests.Handlers;

public sealed class HandlerEntryTests
{
    private static HandlerEntry Entry(Func<Ping, Pong> handle) => HandlerEntry.For("ping", new Handler(handle), TestJsonContext.Default.Ping, TestJsonContext.Default.Pong);

    private static ReadOnlyMemory<byte> Utf8(string text) => Encoding.UTF8.GetBytes(text);

    [Fact]
    public async Task A_typed_handler_reads_its_request_and_writes_its_result_as_json()
    {
        var result = await Entry(p => new Pong(p.Message.ToUpperInvariant())).InvokeAsync(Utf8("""{"message":"hi"}"""), default);

        Assert.Null(result.Error);
        Assert.Equal("""{"reply":"HI"}""", Encoding.UTF8.GetString(result.Output.Span));
    }

    [Theory]
    [InlineData(PortFailure.Throttled, "Port.Throttled")]
    [InlineData(PortFailure.NotReady, "Port.NotReady")]
    [InlineData(PortFailure.Invalid, "Port.Invalid")]
    public async Task A_port_failure_comes_back_as_the_error_name_step_functions_matches(PortFailure failure, string name)
    {
        var result = await Entry(_ => throw new PortException(failure, "S3 said slow down")).InvokeAsync(Utf8("""{"message":"hi"}"""), default);

        Assert.Equal(new HandlerError(name, "ping: S3 said slow down"), result.Error);
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("""{"other":1}""")]
    [InlineData("""{"message":null}""")]
    [InlineData("null")]
    public async Task Input_that_is_not_the_request_is_an_invalid_input_error_naming_the_handler(string input)
    {
        var result = await Entry(p => new Pong(p.Message)).InvokeAsync(Utf8(input), default);

        Assert.Equal(HandlerErrors.InvalidInput, result.Error?.Name);
        Assert.StartsWith("ping: ping ", result.Error!.Cause, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_defect_is_left_to_the_host_to_report_as_lambda_does()
    {
        var entry = Entry(_ => throw new InvalidOperationException("bug"));

        await Assert.ThrowsAsync<InvalidOperationException>(async () => await entry.InvokeAsync(Utf8("""{"message":"hi"}"""), default));
    }

    [Fact]
    public async Task On_the_engine_a_port_failure_is_retried_and_caught_by_its_name()
    {
        var calls = 0;
        var entry = Entry(p => ++calls < 3 ? throw new PortException(PortFailure.Throttled, "busy") : throw new PortException(PortFailure.Invalid, "bad image"));
        var registry = new TaskRegistry().AddFunction("ping", new CatalogTaskHandler(entry));
        var machine = StateMachine.Load(
            """
            {"StartAt":"Call","States":{
              "Call":{"Type":"Task","Resource":"ping","Retry":[{"ErrorEquals":["Port.Throttled"],"MaxAttempts":5}],
                      "Catch":[{"ErrorEquals":["Port.Invalid"],"ResultPath":"$.error","Next":"Caught"}],"End":true},
              "Caught":{"Type":"Succeed"}}}
            """,
            "M",
            registry);

        var execution = await new AslEngine(new AslEngineOptions { Clock = new VirtualClock() }).RunAsync(machine, JsonValue.Parse("""{"message":"hi"}"""));

        Assert.Equal(ExecutionStatus.Succeeded, execution.Status);
        Assert.Equal(3, calls);
        Assert.Equal("""{"Error":"Port.Invalid","Cause":"ping: bad image"}""", ((JsonObject)execution.Output!)["error"]!.ToJson());
    }

    public sealed record Ping(string Message);

    public sealed record Pong(string Reply);

    private sealed class Handler(Func<Ping, Pong> handle) : IHandler<Ping, Pong>
    {
        public ValueTask<Pong> HandleAsync(Ping request, CancellationToken cancellationToken) => ValueTask.FromResult(handle(request));
    }
}

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, RespectNullableAnnotations = true, RespectRequiredConstructorParameters = true)]
[JsonSerializable(typeof(HandlerEntryTests.Ping))]
[JsonSerializable(typeof(HandlerEntryTests.Pong))]
internal sealed partial class TestJsonContext : JsonSerializerContext;
