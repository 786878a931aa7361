using static ContinuousImprovement.Core.Tests.Events.PatternTesting;

namespace ContinuousImprovement.Core.Tests.Events;

public sealed class EventPatternParseErrorTests
{
    [Theory]
    [InlineData("""{"detail":{"state":[{"prefx":"a"}]}}""", "\"detail.state\"", "unknown operator \"prefx\"")]
    [InlineData("""{"x":[{"regex":"a.*"}]}""", "\"x\"", "unknown operator \"regex\"")]
    [InlineData("""{"x":[{"prefix":"a","suffix":"b"}]}""", "\"x\"", "one operator per object, found \"prefix\", \"suffix\"")]
    [InlineData("""{"x":[{}]}""", "\"x\"", "empty operator object")]
    [InlineData("""{"x":[]}""", "\"x\"", "empty list")]
    [InlineData("""{"x":{}}""", "\"x\"", "empty pattern object")]
    [InlineData("""{"x":"a"}""", "\"x\"", "must be an object or a list of values, found the string \"a\"")]
    [InlineData("""{"x":5}""", "\"x\"", "found the number 5")]
    [InlineData("""{"x":[["a"]]}""", "\"x\"", "found a list of 1")]
    [InlineData("""{"x":[{"prefix":5}]}""", "\"x\"", "prefix takes a string")]
    [InlineData("""{"x":[{"prefix":{"wildcard":"a"}}]}""", "\"x\"", "found operator \"wildcard\"")]
    [InlineData("""{"x":[{"suffix":{"equals-ignore-case":1}}]}""", "\"x\"", "suffix equals-ignore-case needs a string")]
    [InlineData("""{"x":[{"equals-ignore-case":["a"]}]}""", "\"x\"", "equals-ignore-case needs a string")]
    [InlineData("""{"x":[{"wildcard":"a**b"}]}""", "\"x\"", "two wildcards in a row at position 2")]
    [InlineData("""{"x":[{"wildcard":"a\\b"}]}""", "\"x\"", "a backslash at position 1 escapes neither")]
    [InlineData("""{"x":[{"wildcard":"a\\"}]}""", "\"x\"", "a backslash at position 1")]
    [InlineData("""{"x":[{"anything-but":true}]}""", "\"x\"", "anything-but takes a string, a number")]
    [InlineData("""{"x":[{"anything-but":[]}]}""", "\"x\"", "empty list")]
    [InlineData("""{"x":[{"anything-but":["a",1]}]}""", "\"x\"", "only strings or only numbers, found the number 1")]
    [InlineData("""{"x":[{"anything-but":[null]}]}""", "\"x\"", "only strings or only numbers, found null")]
    [InlineData("""{"x":[{"anything-but":{"prefix":""}}]}""", "\"x\"", "anything-but prefix must not be empty")]
    [InlineData("""{"x":[{"anything-but":{"suffix":[1]}}]}""", "\"x\"", "anything-but suffix takes strings only")]
    [InlineData("""{"x":[{"anything-but":{"wildcard":"**"}}]}""", "\"x\"", "two wildcards in a row")]
    [InlineData("""{"x":[{"anything-but":{"numeric":[">",1]}}]}""", "\"x\"", "found operator \"numeric\"")]
    [InlineData("""{"x":[{"numeric":5}]}""", "\"x\"", "numeric takes [operator, number]")]
    [InlineData("""{"x":[{"numeric":[">",1,"<"]}]}""", "\"x\"", "numeric takes [operator, number]")]
    [InlineData("""{"x":[{"numeric":["!=",1]}]}""", "\"x\"", "numeric operators are =, <, <=, >, >=")]
    [InlineData("""{"x":[{"numeric":[">","1"]}]}""", "\"x\"", "numeric > needs a finite number, found the string \"1\"")]
    [InlineData("""{"x":[{"numeric":[">",1e400]}]}""", "\"x\"", "needs a finite number")]
    [InlineData("""{"x":[{"numeric":["<",1,">",0]}]}""", "\"x\"", "a numeric range starts with \">\" or \">=\"")]
    [InlineData("""{"x":[{"numeric":[">",0,">",1]}]}""", "\"x\"", "a numeric range ends with \"<\" or \"<=\"")]
    [InlineData("""{"x":[{"numeric":[">",5,"<",5]}]}""", "\"x\"", "lower bound 5 must be below its upper bound 5")]
    [InlineData("""{"x":[{"exists":"yes"}]}""", "\"x\"", "exists must be true or false")]
    [InlineData("""{"x":[{"cidr":"10.0.0.0"}]}""", "\"x\"", "exactly one '/'")]
    [InlineData("""{"x":[{"cidr":"10.0.0.0/33"}]}""", "\"x\"", "from 0 to 31")]
    [InlineData("""{"x":[{"cidr":"10.0.0.0/32"}]}""", "\"x\"", "from 0 to 31")]
    [InlineData("""{"x":[{"cidr":"::/128"}]}""", "\"x\"", "from 0 to 127")]
    [InlineData("""{"x":[{"cidr":"10.0.0.0/-1"}]}""", "\"x\"", "from 0 to 31")]
    [InlineData("""{"x":[{"cidr":"10.0.0/8"}]}""", "\"x\"", "not an IPv4 or IPv6 address")]
    [InlineData("""{"x":[{"cidr":"10.0.0.300/8"}]}""", "\"x\"", "not an IPv4 or IPv6 address")]
    [InlineData("""{"$or":[{"a":["1"]}]}""", "\"$or\"", "$or needs a list of at least two pattern objects, found a list of 1")]
    [InlineData("""{"$or":{"a":["1"]}}""", "\"$or\"", "found an object")]
    [InlineData("""{"$or":[{"a":["1"]},"b"]}""", "\"$or[1]\"", "each $or branch must be a pattern object")]
    [InlineData("""{"d":{"$or":[{"a":["1"]},{"b":{"prefix":["x"]}}]}}""", "\"d.$or[1].b.prefix\"", "\"prefix\" is an operator, not a field name")]
    [InlineData("""{"d":{"$or":[{"a":["1"]},{"b":[{"numeric":[1]}]}]}}""", "\"d.$or[1].b\"", "numeric takes")]
    public void A_malformed_pattern_is_an_error_naming_the_field_and_the_problem(string pattern, string field, string problem)
    {
        var error = Error(pattern);
        Assert.Contains($"Event pattern field {field}: ", error, StringComparison.Ordinal);
        Assert.Contains(problem, error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("[]", "must be a JSON object, found a list of 0")]
    [InlineData("\"x\"", "must be a JSON object, found the string \"x\"")]
    [InlineData("{}", "an empty pattern object is not allowed")]
    [InlineData("{\"x\":[\"a\"]", "not valid JSON")]
    [InlineData("{\"x\":[\"a\",]}", "not valid JSON")]
    public void A_pattern_that_is_not_a_json_object_is_an_error(string pattern, string problem) =>
        Assert.Contains(problem, Error(pattern), StringComparison.Ordinal);

    [Fact]
    public void Field_names_in_errors_are_quoted_so_hidden_characters_show()
    {
        var error = Error("{\"de\\u202Etail\":[{\"nope\":1}]}");
        Assert.Contains("\"de\\u{202E}tail\"", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Operator_names_outside_or_branches_are_ordinary_field_names() =>
        Assert.True(Matches("""{"detail":{"prefix":["a"]}}""", """{"detail":{"prefix":"a"}}"""));
}
