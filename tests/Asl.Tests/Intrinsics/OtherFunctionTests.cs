using System.Text.RegularExpressions;

using ContinuousImprovement.Asl.Intrinsics;
using ContinuousImprovement.Asl.Json;

using static ContinuousImprovement.Asl.Tests.Intrinsics.IntrinsicFixtures;

namespace ContinuousImprovement.Asl.Tests.Intrinsics;

public sealed class OtherFunctionTests
{
    [Fact]
    public void Base64_encodes_and_decodes_the_aws_guide_example()
    {
        Assert.Equal("\"RGF0YSB0byBlbmNvZGU=\"", Evaluate("States.Base64Encode($.input)", """{"input":"Data to encode"}"""));
        Assert.Equal("\"Data to encode\"", Evaluate("States.Base64Decode($.base64)", """{"base64":"RGF0YSB0byBlbmNvZGU="}"""));
        Assert.Equal("\"\"", Evaluate("States.Base64Encode('')"));
        Assert.Equal("\"\"", Evaluate("States.Base64Decode('')"));
    }

    [Fact]
    public void Base64_uses_utf8_for_text_beyond_ascii()
    {
        Assert.Equal("\"5pel5pys\"", Evaluate("States.Base64Encode('日本')"));
        Assert.Equal("\"日本\"", Evaluate("States.Base64Decode('5pel5pys')"));
    }

    [Fact]
    public void Base64_refuses_more_than_ten_thousand_characters_and_invalid_base64()
    {
        var longText = new string('a', 10_001);
        var input = $$"""{"s":"{{longText}}"}""";

        Assert.Equal(13_336, Evaluate("States.Base64Encode($.s)", $$"""{"s":"{{longText[..10_000]}}"}""").Length - 2);
        Assert.Equal("States.Base64Encode: the string has 10001 characters; at most 10000 can be encoded.", Failure("States.Base64Encode($.s)", input).Cause);
        Assert.Equal("States.Base64Decode: the string has 10001 characters; at most 10000 can be decoded.", Failure("States.Base64Decode($.s)", input).Cause);
        Assert.Equal("States.Base64Decode: 'not base64!' is not valid Base64.", Failure("States.Base64Decode('not base64!')").Cause);
        Assert.Equal("States.Base64Encode: argument 1 must be a string, but got the number 12.", Failure("States.Base64Encode(12)").Cause);
    }

    [Theory]
    [InlineData("MD5", "812f45842bc6d66ee14572ce20db8e86")]
    [InlineData("SHA-1", "aaff4a450a104cd177d28d18d74485e8cae074b7")]
    [InlineData("SHA-256", "b4a697a057313163aee33cd8d40c66e9f0f177e00cac2de32475ffff6169c3e3")]
    [InlineData("SHA-384", "d28a7d5cf25a74f11a50a18452b75e04bb3d70c9dd0510d6123aa008c756511b87525bdc835ebb27e1fb9e9374a15562")]
    [InlineData("SHA-512", "6ce4adb348546d4f449c4d25aad9a7c9cb711d9e91982d3f0b29ca2f3f47d4ce2deba23bf2954f0f1d593fc50283731a533d30d425402d4f91316d871303aac4")]
    public void Hash_gives_the_lowercase_hex_digests_recorded_against_aws(string algorithm, string digest) =>
        Assert.Equal($"\"{digest}\"", Evaluate("States.Hash($.Data, $.Algorithm)", $$"""{"Data":"input data","Algorithm":"{{algorithm}}"}"""));

    [Theory]
    [InlineData("States.Hash('x', 'sha-256')", "the algorithm 'sha-256' is not supported; use MD5, SHA-1, SHA-256, SHA-384 or SHA-512.")]
    [InlineData("States.Hash('x', 'CRC32')", "the algorithm 'CRC32' is not supported; use MD5, SHA-1, SHA-256, SHA-384 or SHA-512.")]
    [InlineData("States.Hash($.o, 'MD5')", "argument 1 must be a string, but $.o is an object.")]
    [InlineData("States.Hash($.long, 'MD5')", "the string has 10001 characters; at most 10000 can be hashed.")]
    public void Hash_refuses_unknown_algorithms_non_strings_and_long_input(string expression, string cause) =>
        Assert.Equal($"States.Hash: {cause}", Failure(expression, $$"""{"o":{},"long":"{{new string('x', 10_001)}}"}""").Cause);

    [Fact]
    public void JsonMerge_is_shallow_with_the_second_object_winning_as_in_the_aws_guide()
    {
        const string input = """{"json1":{"a":{"a1":1,"a2":2},"b":2},"json2":{"a":{"a3":1,"a4":2},"c":3}}""";

        Assert.Equal("""{"a":{"a3":1,"a4":2},"b":2,"c":3}""", Evaluate("States.JsonMerge($.json1, $.json2, false)", input));
        Assert.Equal(
            JsonValue.Parse("""{"a":{"a3":1,"a4":2},"b":2,"c":3,"d":4}"""),
            JsonValue.Parse(Evaluate("States.JsonMerge($.fst, $.snd, false)", """{"fst":{"a":{"a1":1,"a2":2},"b":2,"d":3},"snd":{"a":{"a3":1,"a4":2},"c":3,"d":4}}""")));
    }

    [Fact]
    public void JsonMerge_combines_a_parsed_literal_with_the_execution_input_as_recorded_against_aws() =>
        Assert.Equal(
            JsonValue.Parse("""{"constant_input_field":"constant_value","constant_in_literal":"false"}"""),
            JsonValue.Parse(Evaluate(
                "States.JsonMerge(States.StringToJson('{\"constant_in_literal\": \"false\"}'), $$.Execution.Input.input_field, false)",
                context: """{"Execution":{"Input":{"input_field":{"constant_input_field":"constant_value"}}}}""")));

    [Theory]
    [InlineData("States.JsonMerge($.a, $.b, true)", "deep merging is not supported; the third argument must be false.")]
    [InlineData("States.JsonMerge($.a, $.list, false)", "argument 2 must be an object, but $.list is an array.")]
    [InlineData("States.JsonMerge($.a, $.b, 'false')", "argument 3 must be a boolean, but got the string \"false\".")]
    public void JsonMerge_refuses_deep_merging_and_non_objects(string expression, string cause) =>
        Assert.Equal($"States.JsonMerge: {cause}", Failure(expression, """{"a":{},"b":{},"list":[]}""").Cause);

    [Fact]
    public void JsonMerge_leaves_its_inputs_unchanged()
    {
        var input = JsonValue.Parse("""{"a":{"x":1},"b":{"x":2,"y":3}}""");

        IntrinsicExpression.Parse("States.JsonMerge($.a, $.b, false)").Evaluate(input, JsonObject.Empty);

        Assert.Equal("""{"a":{"x":1},"b":{"x":2,"y":3}}""", input.ToJson());
    }

    [Theory]
    [InlineData(111, -1, 110)]
    [InlineData(-9, 3, -6)]
    [InlineData(1.49, 1.50, 3)]
    [InlineData(1.50, 1.51, 4)]
    [InlineData(-1.49, -1.50, -2)]
    [InlineData(-1.50, -1.51, -3)]
    [InlineData(1.49, -1.49, 0)]
    [InlineData(0.5, 0, 1)]
    [InlineData(2.5, 0, 3)]
    [InlineData(-0.5, 0.5, 1)]
    [InlineData(-0.5, 0, 0)]
    [InlineData(-1.5, 0, -1)]
    [InlineData(-2.5, 0, -2)]
    [InlineData(-3.5, 0, -3)]
    [InlineData(2147483647, 2147483647, 4294967294)]
    public void MathAdd_rounds_each_argument_half_up_then_adds_as_recorded_against_aws(double a, double b, double expected) =>
        Assert.Equal(new JsonNumber(expected).ToJson(), Evaluate("States.MathAdd($.a, $.b)", $$"""{"a":{{a.ToString(System.Globalization.CultureInfo.InvariantCulture)}},"b":{{b.ToString(System.Globalization.CultureInfo.InvariantCulture)}}}"""));

    [Theory]
    [InlineData("States.MathAdd('1', 2)", "argument 1 must be an integer, but got the string \"1\".")]
    [InlineData("States.MathAdd(1, 3000000000)", "argument 2 must be an integer between -2147483648 and 2147483647, but got 3000000000.")]
    public void MathAdd_refuses_non_numbers_and_values_beyond_an_int(string expression, string cause) =>
        Assert.Equal($"States.MathAdd: {cause}", Failure(expression).Cause);

    [Theory]
    [InlineData(0.0, 1)]
    [InlineData(0.5, 500)]
    [InlineData(0.999999, 998)]
    public void MathRandom_scales_the_environment_random_into_start_inclusive_end_exclusive(double random, int expected) =>
        Assert.Equal(expected.ToString(System.Globalization.CultureInfo.InvariantCulture), Evaluate("States.MathRandom($.start, $.end)", """{"start":1,"end":999}""", environment: new FixedEnvironment(random)));

    [Fact]
    public void MathRandom_with_a_seed_gives_the_same_number_every_time_and_ignores_the_environment()
    {
        var first = Evaluate("States.MathRandom(0, 999, 3)", environment: new FixedEnvironment(0.1));
        var second = Evaluate("States.MathRandom(0, 999, 3)", environment: new FixedEnvironment(0.9));
        var seeds = Enumerable.Range(0, 50).Select(seed => int.Parse(Evaluate($"States.MathRandom(0, 999, {seed})"), System.Globalization.CultureInfo.InvariantCulture)).ToList();

        Assert.Equal(first, second);
        Assert.All(seeds, n => Assert.InRange(n, 0, 998));
        Assert.True(seeds.Distinct().Count() > 40, "different seeds should mostly give different numbers");
    }

    [Fact]
    public void MathRandom_rounds_fractional_bounds_and_refuses_an_empty_range()
    {
        Assert.Equal("13", Evaluate("States.MathRandom(12.5, 44.51)", environment: new FixedEnvironment(0)));
        Assert.Equal("States.MathRandom: the end (5) must be greater than the start (5).", Failure("States.MathRandom(5, 5)").Cause);
        Assert.Equal("States.MathRandom: the end (-1) must be greater than the start (5).", Failure("States.MathRandom(5, -1)").Cause);
    }

    [Fact]
    public void Uuid_comes_from_the_environment_and_the_default_gives_version_4()
    {
        Assert.Equal("\"ca4c1140-dcc1-40cd-ad05-7b4aa23df4a8\"", Evaluate("States.UUID()"));

        var real = IntrinsicExpression.Parse("States.UUID()").Evaluate(JsonObject.Empty, JsonObject.Empty);
        var other = IntrinsicExpression.Parse("States.UUID()").Evaluate(JsonObject.Empty, JsonObject.Empty);
        Assert.Matches(new Regex("^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$"), ((JsonString)real).Value);
        Assert.NotEqual(real, other);
    }

    [Theory]
    [InlineData("States.ArrayLength($.missing)", "The JSONPath '$.missing' could not be found in the input.")]
    [InlineData("States.ArrayLength($$.Map.Item)", "The JSONPath '$$.Map.Item' could not be found in the context object.")]
    public void A_path_argument_that_finds_nothing_is_an_intrinsic_failure(string expression, string cause) =>
        Assert.Equal(cause, Failure(expression).Cause);

    [Fact]
    public void An_indefinite_path_argument_reads_as_the_array_of_its_matches() =>
        Assert.Equal(
            "\"[{\\\"year\\\":1997}]\"",
            Evaluate("States.JsonToString($.[?(@.year <= 1998)])", """[{"year":1997},{"year":1999}]"""));
}
