using static ContinuousImprovement.Asl.Tests.Intrinsics.IntrinsicFixtures;

namespace ContinuousImprovement.Asl.Tests.Intrinsics;

public sealed class StringFunctionTests
{
    [Fact]
    public void Format_fills_placeholders_from_a_literal_or_a_path_template_as_in_the_aws_guide()
    {
        const string input = """{"name":"Arnav","template":"Hello, my name is {}."}""";

        Assert.Equal("\"Hello, my name is Arnav.\"", Evaluate("States.Format('Hello, my name is {}.', $.name)", input));
        Assert.Equal("\"Hello, my name is Arnav.\"", Evaluate("States.Format($.template, $.name)", input));
        Assert.Equal("\"Your name is Foo, we are in the year 2020\"", Evaluate("States.Format('Your name is {}, we are in the year {}', $.name, 2020)", """{"name":"Foo"}"""));
    }

    [Theory]
    [InlineData("\"\"", "Formatting argument .")]
    [InlineData("\" \"", "Formatting argument  .")]
    [InlineData("\"HelloWorld\"", "Formatting argument HelloWorld.")]
    [InlineData("null", "Formatting argument null.")]
    [InlineData("1", "Formatting argument 1.")]
    [InlineData("1.1", "Formatting argument 1.1.")]
    [InlineData("true", "Formatting argument true.")]
    [InlineData("\"{\\\"Arg1\\\": 1, \\\"Arg2\\\": []}\"", "Formatting argument {\"Arg1\": 1, \"Arg2\": []}.")]
    [InlineData("{\"Arg1\": 1, \"Arg2\": []}", "Formatting argument {Arg1=1, Arg2=[]}.")]
    [InlineData("[1, \"a\", [true, null], {\"k\": \"v\"}]", "Formatting argument [1, a, [true, null], {k=v}].")]
    public void Format_prints_values_as_aws_does_with_objects_in_java_map_style(string value, string expected) =>
        Assert.Equal(expected, System.Text.Json.JsonSerializer.Deserialize(Evaluate("States.Format('Formatting argument {}.', $.v)", $$"""{"v":{{value}}}"""), StringTestContext.Default.String));

    [Fact]
    public void Format_reads_the_context_object_through_double_dollar_paths()
    {
        const string context = """{"Execution":{"Name":"exec-1"},"StateMachine":{"Id":"arn:aws:states:us-east-1:111111111111:stateMachine:sm","Name":"sm"}}""";

        Assert.Equal(
            "\"Formatting arguments fst=exec-1 and snd={Id=arn:aws:states:us-east-1:111111111111:stateMachine:sm, Name=sm}.\"",
            Evaluate("States.Format('Formatting arguments fst={} and snd={}.', $$.Execution.Name, $$.StateMachine)", context: context));
    }

    [Theory]
    [InlineData("States.Format('\\{\\} is {}', 'x')", "\"{} is x\"")]
    [InlineData("States.Format('\\{{}\\}', 'x')", "\"{x}\"")]
    [InlineData("States.Format('It\\'s {} \\\\ done', 'x')", "\"It's x \\\\ done\"")]
    [InlineData("States.Format('no placeholders')", "\"no placeholders\"")]
    [InlineData("States.Format('{}{}', 'a', 'b')", "\"ab\"")]
    [InlineData("States.Format('a { b } c')", "\"a { b } c\"")]
    public void Format_treats_escaped_braces_in_a_literal_template_as_text(string expression, string expected) =>
        Assert.Equal(expected, Evaluate(expression));

    [Fact]
    public void Format_with_a_template_from_the_input_treats_every_pair_of_braces_as_a_placeholder() =>
        Assert.Equal("\"a\\\\{x}\"", Evaluate("States.Format($.t, 'x')", """{"t":"a\\{{}}"}"""));

    [Theory]
    [InlineData("States.Format('{} and {}', 'one')", "the template has 2 '{}' placeholder(s) but 1 value(s) follow it")]
    [InlineData("States.Format('{}', 'one', 'two')", "the template has 1 '{}' placeholder(s) but 2 value(s) follow it")]
    [InlineData("States.Format($.n, 'x')", "argument 1 must be a string, but $.n is the number 5")]
    public void Format_fails_when_the_values_do_not_fit_the_template(string expression, string cause) =>
        Assert.StartsWith($"States.Format: {cause}", Failure(expression, """{"n":5}""").Cause, StringComparison.Ordinal);

    [Fact]
    public void Format_composes_with_nested_calls_including_another_format()
    {
        Assert.Equal("\"3 items\"", Evaluate("States.Format('{} items', States.ArrayLength($.a))", """{"a":[1,2,3]}"""));
        Assert.Equal("\"<a>-b-<c>\"", Evaluate("States.Format('{}-{}-{}', States.Format('<{}>', 'a'), 'b', States.Format('<{}>', 'c'))"));
    }

    [Fact]
    public void StringToJson_parses_the_aws_guide_example() =>
        Assert.Equal("""{"foo":"bar"}""", Evaluate("States.StringToJson($.escapedJsonString)", """{"escapedJsonString":"{\"foo\": \"bar\"}"}"""));

    [Theory]
    [InlineData("\"\"", "null")]
    [InlineData("\" \"", "null")]
    [InlineData("\"\\n\\t \"", "null")]
    [InlineData("\"null\"", "null")]
    [InlineData("\"-0\"", "0")]
    [InlineData("\"1\"", "1")]
    [InlineData("\"1.1\"", "1.1")]
    [InlineData("\"true\"", "true")]
    [InlineData("\"\\\"HelloWorld\\\"\"", "\"HelloWorld\"")]
    [InlineData("\"[1, 2, \\\"HelloWorld\\\"]\"", "[1,2,\"HelloWorld\"]")]
    [InlineData("\"{\\\"Arg1\\\": 1, \\\"Arg2\\\": []}\"", "{\"Arg1\":1,\"Arg2\":[]}")]
    public void StringToJson_matches_the_recorded_aws_results(string value, string expected) =>
        Assert.Equal(expected, Evaluate("States.StringToJson($.v)", $$"""{"v":{{value}}}"""));

    [Fact]
    public void StringToJson_accepts_a_literal_with_plain_or_escaped_braces()
    {
        Assert.Equal("""{"constant_in_literal":"false"}""", Evaluate("States.StringToJson('{\"constant_in_literal\": \"false\"}')"));
        Assert.Equal("""{"a":1}""", Evaluate("States.StringToJson('\\{\"a\":1\\}')"));
    }

    [Theory]
    [InlineData("""{"v":"{not json"}""", "States.StringToJson: $.v is not valid JSON")]
    [InlineData("""{"v":"1 2"}""", "States.StringToJson: $.v is not valid JSON")]
    [InlineData("""{"v":{"a":1}}""", "States.StringToJson: argument 1 must be a string, but $.v is an object.")]
    public void StringToJson_fails_on_text_that_is_not_json(string input, string cause) =>
        Assert.StartsWith(cause, Failure("States.StringToJson($.v)", input).Cause, StringComparison.Ordinal);

    [Theory]
    [InlineData("null", "null")]
    [InlineData("0", "0")]
    [InlineData("1.1", "1.1")]
    [InlineData("true", "true")]
    [InlineData("\"HelloWorld\"", "\"HelloWorld\"")]
    [InlineData("[1, 2, \"HelloWorld\"]", "[1,2,\"HelloWorld\"]")]
    [InlineData("{\"Arg1\": 1, \"Arg2\": []}", "{\"Arg1\":1,\"Arg2\":[]}")]
    public void JsonToString_writes_compact_json_as_recorded_against_aws(string value, string expectedText) =>
        Assert.Equal(expectedText, System.Text.Json.JsonSerializer.Deserialize(Evaluate("States.JsonToString($.v)", $$"""{"v":{{value}}}"""), StringTestContext.Default.String));

    [Fact]
    public void JsonToString_writes_the_aws_guide_example() =>
        Assert.Equal("""{"name":"Foo","year":2020}""", System.Text.Json.JsonSerializer.Deserialize(Evaluate("States.JsonToString($.someJson)", """{"someJson":{"name":"Foo","year":2020},"zebra":"stripe"}"""), StringTestContext.Default.String));

    [Theory]
    [InlineData(" ", ",", """[" "]""")]
    [InlineData(" , ", ",", """[" "," "]""")]
    [InlineData(", , ,", ",", """[" "," "]""")]
    [InlineData(",,,,", ",", "[]")]
    [InlineData("1,2,3,4,5", ",", """["1","2","3","4","5"]""")]
    [InlineData("This.is+a,test=string", ".+,=", """["This","is","a","test","string"]""")]
    [InlineData("split on T and \nnew line", "T\n", """["split on "," and ","new line"]""")]
    [InlineData("", ",", "[]")]
    [InlineData("abc", "", """["abc"]""")]
    public void StringSplit_splits_on_any_delimiter_character_and_drops_empty_pieces_as_recorded_against_aws(string text, string delimiters, string expected)
    {
        var input = System.Text.Json.JsonSerializer.Serialize(new Dictionary<string, string> { ["s"] = text, ["d"] = delimiters }, StringTestContext.Default.DictionaryStringString);

        Assert.Equal(expected, Evaluate("States.StringSplit($.s, $.d)", input));
    }

    [Fact]
    public void StringSplit_drives_the_recorded_nested_call_that_takes_the_last_part_of_a_name()
    {
        const string context = """{"StateMachine":{"Name":"my-state-machine-name"}}""";

        Assert.Equal("\"name\"", Evaluate("States.ArrayGetItem(States.StringSplit($$.StateMachine.Name, '-'), States.MathAdd(States.ArrayLength(States.StringSplit($$.StateMachine.Name, '-')), -1))", context: context));
        Assert.Equal("\"my\"", Evaluate("States.ArrayGetItem(States.StringSplit($$.StateMachine.Name, '-'), 0)", context: context));
    }

    [Fact]
    public void StringSplit_requires_strings() =>
        Assert.Equal("States.StringSplit: argument 2 must be a string, but got the number 1.", Failure("States.StringSplit('a', 1)").Cause);
}

[System.Text.Json.Serialization.JsonSerializable(typeof(string))]
[System.Text.Json.Serialization.JsonSerializable(typeof(Dictionary<string, string>))]
internal sealed partial class StringTestContext : System.Text.Json.Serialization.JsonSerializerContext;
