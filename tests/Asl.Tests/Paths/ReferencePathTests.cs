using ContinuousImprovement.Asl.Json;
using ContinuousImprovement.Asl.Paths;

namespace ContinuousImprovement.Asl.Tests.Paths;

public sealed class ReferencePathTests
{
    [Theory]
    [InlineData("$.foo", "123")]
    [InlineData("$.bar", """["a","b","c"]""")]
    [InlineData("$.car.cdr", "true")]
    [InlineData("$.bar[1]", "\"b\"")]
    [InlineData("$.bar[-1]", "\"c\"")]
    [InlineData("$['car']['cdr']", "true")]
    [InlineData("$", """{"foo":123,"bar":["a","b","c"],"car":{"cdr":true}}""")]
    public void Reference_paths_read_the_single_node_of_the_aws_guide_example(string text, string expected)
    {
        var input = JsonValue.Parse("""{"foo":123,"bar":["a","b","c"],"car":{"cdr":true}}""");

        Assert.True(ReferencePath.Compile(text).TryGet(input, out var value));
        Assert.Equal(expected, value.ToJson());
    }

    [Theory]
    [InlineData("$.missing")]
    [InlineData("$.bar[3]")]
    [InlineData("$.foo.deeper")]
    [InlineData("$.car[0]")]
    public void Missing_nodes_are_not_found(string text) =>
        Assert.False(ReferencePath.Compile(text).TryGet(JsonValue.Parse("""{"foo":123,"bar":["a","b","c"],"car":{"cdr":true}}"""), out _));

    [Theory]
    [InlineData("$.a[*]", "the wildcard '*'")]
    [InlineData("$.a.*", "the wildcard '*'")]
    [InlineData("$..a", "the deep scan '..'")]
    [InlineData("$.a[?(@.b)]", "the filter")]
    [InlineData("$.a[1:2]", "the slice")]
    [InlineData("$.a[0,1]", "the union [0,1]")]
    [InlineData("$['a','b']", "the union ['a','b']")]
    public void Paths_that_can_select_several_nodes_are_not_reference_paths(string text, string what)
    {
        Assert.False(ReferencePath.TryCompile(text, out var path, out var error));
        Assert.Null(path);
        Assert.Contains($"Invalid reference path '{text}'", error, StringComparison.Ordinal);
        Assert.Contains(what, error, StringComparison.Ordinal);
        Assert.Throws<FormatException>(() => ReferencePath.Compile(text));
    }

    [Fact]
    public void Syntax_errors_are_reported_with_the_path() =>
        Assert.Contains("'$.'", Assert.Throws<FormatException>(() => ReferencePath.Compile("$.")).Message, StringComparison.Ordinal);

    [Fact]
    public void Context_reference_paths_are_flagged_and_read_like_any_other()
    {
        var path = ReferencePath.Compile("$$.Map.Item.Index");

        Assert.True(path.IsContextPath);
        Assert.True(path.TryGet(JsonValue.Parse("""{"Map":{"Item":{"Index":3}}}"""), out var index));
        Assert.Equal("3", index.ToJson());
    }

    [Fact]
    public void Result_path_root_replaces_the_whole_input()
    {
        var result = JsonValue.Parse("\"Hello, Step Functions!\"");

        Assert.Same(result, ReferencePath.Compile("$").Set(JsonValue.Parse("""{"comment":"x"}"""), result));
        Assert.Same(result, ReferencePath.Compile("$").Set(JsonValue.From(5), result));
    }

    [Fact]
    public void Result_path_adds_the_result_beside_the_input_as_in_the_aws_guide()
    {
        var input = JsonValue.Parse("""{"comment":"This is a test","details":"Default example","who":"Step Functions"}""");

        var output = ReferencePath.Compile("$.taskresult").Set(input, JsonValue.From("Hello, Step Functions!"));

        Assert.Equal("""{"comment":"This is a test","details":"Default example","who":"Step Functions","taskresult":"Hello, Step Functions!"}""", output.ToJson());
    }

    [Theory]
    [InlineData("$.a", """{"a":1,"b":2}""", """{"a":9,"b":2}""")]
    [InlineData("$.c", """{"a":1}""", """{"a":1,"c":9}""")]
    [InlineData("$.x.y.z", """{"a":1}""", """{"a":1,"x":{"y":{"z":9}}}""")]
    [InlineData("$.a.b", """{"a":{"c":1}}""", """{"a":{"c":1,"b":9}}""")]
    [InlineData("$.a.b", """{"a":{"b":{"old":true}}}""", """{"a":{"b":9}}""")]
    [InlineData("$['my key'].n", "{}", """{"my key":{"n":9}}""")]
    [InlineData("$.list[1]", """{"list":[1,2,3]}""", """{"list":[1,9,3]}""")]
    [InlineData("$.list[-1]", """{"list":[1,2,3]}""", """{"list":[1,2,9]}""")]
    [InlineData("$.list[0].v", """{"list":[{"v":1,"w":2}]}""", """{"list":[{"v":9,"w":2}]}""")]
    [InlineData("$[1]", "[0,0]", "[0,9]")]
    public void Result_path_places_the_value_and_creates_missing_objects(string text, string input, string expected) =>
        Assert.Equal(expected, ReferencePath.Compile(text).Set(JsonValue.Parse(input), JsonValue.From(9)).ToJson());

    [Theory]
    [InlineData("$.a.b", """{"a":5}""", "'$.a' is a number (5), not an object")]
    [InlineData("$.a.b", """{"a":null}""", "'$.a' is null, not an object")]
    [InlineData("$.a.b", """{"a":"s"}""", "'$.a' is a string, not an object")]
    [InlineData("$.a.b", """{"a":[1]}""", "'$.a' is an array, not an object")]
    [InlineData("$.a", "\"text\"", "'$' is a string, not an object")]
    [InlineData("$.a", "[1]", "'$' is an array, not an object")]
    [InlineData("$.a[0]", """{"a":{}}""", "'$.a' is an object, not an array")]
    [InlineData("$.a[3]", """{"a":[1]}""", "'$.a' has 1 element(s), so '$.a[3]' does not exist")]
    [InlineData("$.a[0]", "{}", "'$.a' is missing, and only objects are created")]
    public void Result_path_that_cannot_be_applied_fails_with_result_path_match_failure(string text, string input, string reason)
    {
        var failure = Assert.Throws<AslRuntimeException>(() => ReferencePath.Compile(text).Set(JsonValue.Parse(input), JsonValue.From(9)));

        Assert.Equal(StatesErrors.ResultPathMatchFailure, failure.Error);
        Assert.Contains($"Unable to apply ResultPath '{text}'", failure.Cause, StringComparison.Ordinal);
        Assert.Contains(reason, failure.Cause, StringComparison.Ordinal);
    }

    [Fact]
    public void Result_path_shares_every_node_off_the_path()
    {
        var input = (JsonObject)JsonValue.Parse("""{"keep":{"big":[1,2,3]},"a":{"other":[4],"b":1}}""");

        var output = (JsonObject)ReferencePath.Compile("$.a.b").Set(input, JsonValue.From(2));

        Assert.Same(input["keep"], output["keep"]);
        Assert.Same(((JsonObject)input["a"]!)["other"], ((JsonObject)output["a"]!)["other"]);
        Assert.Equal("""{"keep":{"big":[1,2,3]},"a":{"other":[4],"b":1}}""", input.ToJson());
    }

    [Fact]
    public void Result_path_into_the_context_object_is_a_programming_error() =>
        Assert.Throws<InvalidOperationException>(() => ReferencePath.Compile("$$.Execution").Set(JsonObject.Empty, JsonValue.Null));
}
