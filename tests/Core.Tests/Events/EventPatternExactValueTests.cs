using ContinuousImprovement.Core.Events;

using static ContinuousImprovement.Core.Tests.Events.PatternTesting;

namespace ContinuousImprovement.Core.Tests.Events;

public sealed class EventPatternExactValueTests
{
    [Theory]
    [InlineData("""{"source":"aws.ec2"}""", true)]
    [InlineData("""{"source":"aws.EC2"}""", false)]
    [InlineData("""{"source":"aws.ec2 "}""", false)]
    [InlineData("""{"source":"aws.s3"}""", false)]
    [InlineData("""{"other":"aws.ec2"}""", false)]
    public void A_string_matches_only_the_same_string(string eventJson, bool expected) =>
        Assert.Equal(expected, Matches("""{"source":["aws.ec2"]}""", eventJson));

    [Theory]
    [InlineData("5", true)]
    [InlineData("5.0", true)]
    [InlineData("5e0", true)]
    [InlineData("0.5E1", true)]
    [InlineData("6", false)]
    [InlineData("5.000001", false)]
    [InlineData("\"5\"", false)]
    public void A_number_matches_numbers_of_equal_value_however_written_and_never_a_string(string value, bool expected) =>
        Assert.Equal(expected, Matches("""{"x":[5]}""", $$"""{"x":{{value}}}"""));

    [Fact]
    public void A_string_of_digits_does_not_match_the_number()
    {
        Assert.False(Matches("""{"x":["5"]}""", """{"x":5}"""));
        Assert.True(Matches("""{"x":["5"]}""", """{"x":"5"}"""));
    }

    [Theory]
    [InlineData("111122223333", true)]
    [InlineData("111122223334", false)]
    [InlineData("12345678901234567890123", true)]
    [InlineData("12345678901234567890124", false)]
    public void Long_ids_compare_exactly(string value, bool expected)
    {
        var pattern = value.Length > 12 ? """{"id":[12345678901234567890123]}""" : """{"id":[111122223333]}""";
        Assert.Equal(expected, Matches(pattern, $$"""{"id":{{value}}}"""));
    }

    [Theory]
    [InlineData("true", "true", true)]
    [InlineData("true", "false", false)]
    [InlineData("true", "\"true\"", false)]
    [InlineData("false", "false", true)]
    [InlineData("null", "null", true)]
    [InlineData("null", "\"\"", false)]
    [InlineData("null", "\"null\"", false)]
    [InlineData("\"\"", "\"\"", true)]
    [InlineData("\"\"", "null", false)]
    public void Booleans_null_and_the_empty_string_match_only_themselves(string patternValue, string eventValue, bool expected) =>
        Assert.Equal(expected, Matches($$"""{"x":[{{patternValue}}]}""", $$"""{"x":{{eventValue}}}"""));

    [Fact]
    public void Null_does_not_match_a_missing_field() =>
        Assert.False(Matches("""{"x":[null]}""", """{"y":null}"""));

    [Theory]
    [InlineData("\"running\"", true)]
    [InlineData("\"initializing\"", true)]
    [InlineData("\"stopped\"", false)]
    public void A_list_of_values_matches_any_of_them(string state, bool expected) =>
        Assert.Equal(expected, Matches("""{"detail":{"state":["initializing","running"]}}""", $$$"""{"detail":{"state":{{{state}}}}}"""));

    [Fact]
    public void Every_field_of_the_pattern_must_match()
    {
        const string pattern = """{"source":["aws.ec2"],"detail":{"state":["running"]}}""";
        Assert.True(Matches(pattern, """{"source":"aws.ec2","detail":{"state":"running","other":1},"extra":true}"""));
        Assert.False(Matches(pattern, """{"source":"aws.ec2","detail":{"state":"stopped"}}"""));
        Assert.False(Matches(pattern, """{"source":"aws.s3","detail":{"state":"running"}}"""));
        Assert.False(Matches(pattern, """{"source":"aws.ec2"}"""));
    }

    [Fact]
    public void Nested_fields_match_only_at_their_own_depth()
    {
        const string pattern = """{"detail":{"state":["running"]}}""";
        Assert.False(Matches(pattern, """{"state":"running","detail":{}}"""));
        Assert.False(Matches(pattern, """{"detail":{"inner":{"state":"running"}}}"""));
        Assert.False(Matches(pattern, """{"detail":"running"}"""));
        Assert.True(Matches(pattern, """{"detail":{"state":"running"}}"""));
    }

    [Theory]
    [InlineData("""["arn:b","arn:a"]""", true)]
    [InlineData("""["arn:b"]""", false)]
    [InlineData("""[]""", false)]
    [InlineData("""[["arn:c",["arn:a"]]]""", true)]
    [InlineData("""[{"arn":"arn:a"}]""", false)]
    public void A_field_holding_an_array_matches_when_any_element_matches(string resources, bool expected) =>
        Assert.Equal(expected, Matches("""{"resources":["arn:a"]}""", $$"""{"resources":{{resources}}}"""));

    [Fact]
    public void A_field_holding_an_object_is_not_a_value_that_matches()
    {
        Assert.False(Matches("""{"detail":["x"]}""", """{"detail":{"x":"x"}}"""));
    }

    [Fact]
    public void Conditions_on_objects_in_an_array_must_hold_within_one_element()
    {
        const string employees = """{"employees":[{"firstName":"John","lastName":"Doe"},{"firstName":"Anna","lastName":"Smith"},{"firstName":"Peter","lastName":"Jones"}]}""";
        Assert.True(Matches("""{"employees":{"firstName":["Anna"]}}""", employees));
        Assert.True(Matches("""{"employees":{"firstName":["Anna"],"lastName":["Smith"]}}""", employees));
        Assert.False(Matches("""{"employees":{"firstName":["Anna"],"lastName":["Jones"]}}""", employees));
    }

    [Fact]
    public void Objects_in_nested_arrays_are_matched_as_if_the_arrays_were_flat()
    {
        const string employees = """{"employees":[[{"firstName":"John"},{"firstName":"Anna"}],[{"firstName":"Peter"}]]}""";
        Assert.True(Matches("""{"employees":{"firstName":["Peter"]}}""", employees));
        Assert.False(Matches("""{"employees":{"firstName":["Paul"]}}""", employees));
    }

    [Theory]
    [InlineData("\"2001:db8:0:0:0:0:0:1\"", true)]
    [InlineData("\"2001:DB8::1\"", true)]
    [InlineData("\"2001:db8::2\"", false)]
    [InlineData("\"2001:db8::1 \"", false)]
    public void An_ip_address_value_matches_the_same_address_however_written(string ip, bool expected) =>
        Assert.Equal(expected, Matches("""{"ip":["2001:db8::1"]}""", $$"""{"ip":{{ip}}}"""));

    [Fact]
    public void A_key_given_twice_keeps_its_last_value_as_EventBridge_documents()
    {
        const string pattern = """{"location":[{"prefix":"us-"}],"location":[{"anything-but":"us-east"}]}""";
        Assert.True(Matches(pattern, """{"location":"eu-west"}"""));
        Assert.False(Matches(pattern, """{"location":"us-east"}"""));
    }

    [Theory]
    [InlineData("[]")]
    [InlineData("\"aws.ec2\"")]
    [InlineData("null")]
    public void An_event_that_is_not_an_object_matches_nothing(string eventJson) =>
        Assert.False(Matches("""{"x":[{"exists":false}]}""", eventJson));

    [Fact]
    public void An_event_that_is_not_json_is_an_argument_error_not_a_mismatch()
    {
        var error = Assert.Throws<ArgumentException>(() => Matches("""{"x":["a"]}""", "{not json"));
        Assert.Contains("not valid JSON", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_pattern_keeps_its_text_for_deployment()
    {
        const string text = """{ "source": [ "aws.s3" ] }""";
        var pattern = Compile(text);
        Assert.Equal(text, pattern.Json);
        Assert.Equal(text, pattern.ToString());
    }

    [Fact]
    public void A_pattern_read_as_a_json_element_compiles_like_its_text()
    {
        using var document = System.Text.Json.JsonDocument.Parse("""{"source":["aws.s3"]}""");
        var parsed = EventPattern.Parse(document.RootElement);
        Assert.True(parsed.Succeeded);
        Assert.Equal("""{"source":["aws.s3"]}""", parsed.Pattern.Json);
        Assert.True(parsed.Pattern.Matches("""{"source":"aws.s3"}"""));
        Assert.False(parsed.Pattern.Matches("""{"source":"aws.ec2"}"""));
    }
}
