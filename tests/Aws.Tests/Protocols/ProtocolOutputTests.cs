using System.Buffers;
using System.Text;
using System.Text.Json;
using ContinuousImprovement.Aws.Protocols;

namespace ContinuousImprovement.Aws.Tests.Protocols;

/// <summary>botocore's output protocol tests (json, query, rest-json): results and errors parsed by our readers.</summary>
public sealed class ProtocolOutputTests
{
    public static TheoryData<string, string> Cases() => ProtocolTestSuite.Cases([.. Files]);

    private static readonly string[] Files = ["output/json.json", "output/query.json", "output/rest-json.json"];

    [Theory]
    [MemberData(nameof(Cases))]
    public void Response_is_parsed_as_botocore_parses_it(string file, string id)
    {
        var testCase = ProtocolTestSuite.Case(file, id);
        var protocol = AwsProtocols.For(testCase.Model, () => "unused");
        var wire = testCase.Case.GetProperty("response");
        var headers = wire.TryGetProperty("headers", out var h)
            ? h.EnumerateObject().Select(p => new KeyValuePair<string, string>(p.Name, p.Value.GetString()!))
            : [];
        var response = AwsHttpResponse.Create(
            wire.GetProperty("status_code").GetInt32(), headers, Encoding.UTF8.GetBytes(wire.TryGetProperty("body", out var b) ? b.GetString()! : ""));

        if (testCase.Case.TryGetProperty("errorCode", out var errorCode))
        {
            var error = protocol.ReadError(response);
            Assert.Equal(errorCode.GetString(), error.Code);
            if (testCase.Case.TryGetProperty("errorMessage", out var errorMessage))
            {
                Assert.Equal(errorMessage.GetString(), error.Message);
            }
            return;
        }

        var output = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(output))
        {
            protocol.ReadOutput(writer, testCase.Operation, response);
        }
        using var actual = JsonDocument.Parse(output.WrittenMemory);
        var expected = testCase.Case.GetProperty("result");
        if (testCase.Operation.OutputShape is null)
        {
            Assert.Empty(actual.RootElement.EnumerateObject());
            return;
        }
        var difference = ProtocolValues.Difference(testCase.Model, testCase.Model.Shape(testCase.Operation.OutputShape), expected, actual.RootElement);
        Assert.True(difference is null, difference);
    }

    [Fact]
    public void Cases_for_features_we_do_not_use_are_the_only_ones_left_out()
    {
        var all = Files.SelectMany(ProtocolTestSuite.Load).ToList();
        var run = all.Count(c => ProtocolTestSuite.SkipReason(c) is null);
        Assert.Equal(187, all.Count);
        Assert.True(run >= 130, $"only {run} output cases run");
    }
}
