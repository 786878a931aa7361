using ContinuousImprovement.Asl.Json;
using ContinuousImprovement.Asl.Paths;

using static ContinuousImprovement.Asl.Tests.Paths.PathFixtures;

namespace ContinuousImprovement.Asl.Tests.Paths;

public sealed class JsonPathTests
{
    [Fact]
    public void Root_path_returns_the_whole_input()
    {
        var path = JsonPath.Compile("$");

        Assert.True(path.IsDefinite);
        Assert.True(path.IsRoot);
        Assert.True(path.TryEvaluate(StoreValue, out var result));
        Assert.Same(StoreValue, result);
    }

    [Theory]
    [InlineData("$.expensive", "10")]
    [InlineData("$.store.bicycle.color", "\"red\"")]
    [InlineData("$['store']['bicycle']['price']", "19.95")]
    [InlineData("$[\"store\"].bicycle[\"color\"]", "\"red\"")]
    [InlineData("$.store.book[0].author", "\"Nigel Rees\"")]
    [InlineData("$.store.book[3].title", "\"The Lord of the Rings\"")]
    [InlineData("$.store.book[-1].price", "22.99")]
    [InlineData("$.store.book[-4].price", "8.95")]
    [InlineData("$.store.book[2].isbn", "\"0-553-21311-3\"")]
    [InlineData("$.['expensive']", "10")]
    [InlineData("$.store.book.[1].price", "12.99")]
    [InlineData("$[ 'expensive' ]", "10")]
    public void Definite_paths_return_the_single_value(string path, string expected)
    {
        Assert.True(JsonPath.Compile(path).IsDefinite);
        Assert.Equal(expected, Evaluate(path, StoreValue));
    }

    [Theory]
    [InlineData("$.nothing")]
    [InlineData("$.store.nothing.deeper")]
    [InlineData("$.store.book[4]")]
    [InlineData("$.store.book[-5]")]
    [InlineData("$.store.book[0].isbn")]
    [InlineData("$.expensive.value")]
    [InlineData("$.store[0]")]
    [InlineData("$.store.bicycle.color[0]")]
    public void Definite_paths_report_missing_nodes_as_not_found(string path) =>
        Assert.Equal("missing", Evaluate(path, StoreValue));

    [Fact]
    public void A_member_holding_null_is_found_while_a_missing_member_is_not()
    {
        const string json = """{"a":null}""";

        Assert.Equal("null", Evaluate("$.a", json));
        Assert.Equal("missing", Evaluate("$.b", json));
    }

    [Fact]
    public void Jayway_store_examples_give_the_documented_results()
    {
        Assert.Equal("""["Nigel Rees","Evelyn Waugh","Herman Melville","J. R. R. Tolkien"]""", Evaluate("$.store.book[*].author", StoreValue));
        Assert.Equal("""["Nigel Rees","Evelyn Waugh","Herman Melville","J. R. R. Tolkien"]""", Evaluate("$..author", StoreValue));
        Assert.Equal("[8.95,12.99,8.99,22.99,19.95]", Evaluate("$.store..price", StoreValue));
        Assert.Equal("Moby Dick", Titles("$..book[2]"));
        Assert.Equal("Moby Dick", Titles("$..book[-2]"));
        Assert.Equal("Sayings of the Century|Sword of Honour", Titles("$..book[0,1]"));
        Assert.Equal("Sayings of the Century|Sword of Honour", Titles("$..book[:2]"));
        Assert.Equal("Sword of Honour", Titles("$..book[1:2]"));
        Assert.Equal("Moby Dick|The Lord of the Rings", Titles("$..book[-2:]"));
        Assert.Equal("Moby Dick|The Lord of the Rings", Titles("$..book[2:]"));
        Assert.Equal("Moby Dick|The Lord of the Rings", Titles("$..book[?(@.isbn)]"));
        Assert.Equal("Sayings of the Century|Moby Dick", Titles("$.store.book[?(@.price < 10)]"));
        Assert.Equal("Sayings of the Century|Moby Dick", Titles("$..book[?(@.price <= $['expensive'])]"));
        Assert.Equal("Sayings of the Century", Titles("$..book[?(@.author =~ /.*REES/i)]"));
    }

    [Fact]
    public void Store_wildcard_lists_member_values_in_order()
    {
        var result = Evaluate("$.store.*", StoreValue);

        Assert.StartsWith("[[{\"category\":\"reference\"", result, StringComparison.Ordinal);
        Assert.EndsWith(",{\"color\":\"red\",\"price\":19.95}]", result, StringComparison.Ordinal);
    }

    [Fact]
    public void Deep_scan_of_everything_lists_children_before_grandchildren_of_each_node() =>
        Assert.Equal("""[{"b":1},[2,{"c":3}],1,2,{"c":3},3]""", Evaluate("$..*", """{"a":{"b":1},"d":[2,{"c":3}]}"""));

    [Fact]
    public void Deep_scan_counts_every_node_of_the_store_once()
    {
        Assert.True(JsonPath.Compile("$..*").TryEvaluate(StoreValue, out var all));

        // Counted by hand: root members 2, store members 2, book elements 4, book members 4+4+5+5, bicycle members 2.
        Assert.Equal(2 + 2 + 4 + 18 + 2, ((JsonArray)all).Count);
    }

    [Theory]
    [InlineData("$.a[*]", """{"a":[1,2,3]}""", "[1,2,3]")]
    [InlineData("$.a.*", """{"a":{"x":1,"y":[2]}}""", "[1,[2]]")]
    [InlineData("$[*]", """{"x":1,"y":2}""", "[1,2]")]
    [InlineData("$.a[*].b", """{"a":[{"b":1},{"c":2},{"b":3}]}""", "[1,3]")]
    [InlineData("$.a[*]", """{"a":5}""", "[]")]
    [InlineData("$.a[*]", "{}", "[]")]
    [InlineData("$.items[*].itemValue", "{}", "[]")]
    [InlineData("$.item.items[1:5]", "{}", "[]")]
    [InlineData("$..missing", """{"a":{"b":1}}""", "[]")]
    [InlineData("$..b", """{"a":{"b":1},"c":[{"b":2}],"b":3}""", "[3,1,2]")]
    [InlineData("$..[0]", """{"a":[1,[2,3]],"b":{"c":[4]}}""", "[1,2,4]")]
    [InlineData("$..['b']", """{"a":{"b":1}}""", "[1]")]
    public void Indefinite_paths_return_an_array_of_all_matches_even_when_empty(string path, string json, string expected)
    {
        Assert.False(JsonPath.Compile(path).IsDefinite);
        Assert.Equal(expected, Evaluate(path, json));
    }

    [Theory]
    [InlineData("$[1:4]", "[1,2,3]")]
    [InlineData("$[:2]", "[0,1]")]
    [InlineData("$[3:]", "[3,4]")]
    [InlineData("$[-2:]", "[3,4]")]
    [InlineData("$[:-3]", "[0,1]")]
    [InlineData("$[::2]", "[0,2,4]")]
    [InlineData("$[1::2]", "[1,3]")]
    [InlineData("$[::-1]", "[4,3,2,1,0]")]
    [InlineData("$[3:0:-1]", "[3,2,1]")]
    [InlineData("$[-1:-3:-1]", "[4,3]")]
    [InlineData("$[10:20]", "[]")]
    [InlineData("$[-10:2]", "[0,1]")]
    [InlineData("$[3:1]", "[]")]
    [InlineData("$[:]", "[0,1,2,3,4]")]
    public void Slices_follow_python_rules(string path, string expected) =>
        Assert.Equal(expected, Evaluate(path, "[0,1,2,3,4]"));

    [Theory]
    [InlineData("$[0,2]", "[\"a\",\"c\"]")]
    [InlineData("$[2,0]", "[\"c\",\"a\"]")]
    [InlineData("$[-1,0]", "[\"c\",\"a\"]")]
    [InlineData("$[0,9]", "[\"a\"]")]
    [InlineData("$[ 0 , 1 ]", "[\"a\",\"b\"]")]
    public void Index_unions_list_the_elements_in_the_order_written(string path, string expected) =>
        Assert.Equal(expected, Evaluate(path, """["a","b","c"]"""));

    [Fact]
    public void A_name_union_at_the_end_merges_the_members_into_one_object_as_jayway_does()
    {
        var path = JsonPath.Compile("$['a','c','missing']");

        Assert.True(path.IsDefinite);
        Assert.Equal("""{"a":1,"c":3}""", Evaluate("$['a','c','missing']", """{"a":1,"b":2,"c":3}"""));
        Assert.Equal("""[{"author":"Nigel Rees","price":8.95},{"author":"Evelyn Waugh","price":12.99}]""", Evaluate("$.store.book[0:2]['author','price']", StoreValue));
    }

    [Fact]
    public void A_name_union_inside_a_path_continues_with_each_member() =>
        Assert.Equal("[1,3]", Evaluate("$['a','c'].v", """{"a":{"v":1},"b":{"v":2},"c":{"v":3}}"""));

    [Theory]
    [InlineData("$['with space']", "1")]
    [InlineData("$['it\\'s']", "2")]
    [InlineData("$[\"say \\\"hi\\\"\"]", "3")]
    [InlineData("$['日本']", "4")]
    [InlineData("$.日本", "4")]
    [InlineData("$['a.b']", "5")]
    [InlineData("$['[x]']", "6")]
    [InlineData("$['back\\\\slash']", "7")]
    [InlineData("$.dash-and:colon", "8")]
    [InlineData("$['']", "9")]
    public void Bracket_names_may_hold_any_character_with_quotes_escaped(string path, string expected)
    {
        const string json = """
            {"with space":1,"it's":2,"say \"hi\"":3,"日本":4,"a.b":5,"[x]":6,"back\\slash":7,"dash-and:colon":8,"":9}
            """;

        Assert.Equal(expected, Evaluate(path, json));
    }

    [Fact]
    public void A_backslash_before_a_character_that_needs_no_escape_stays_in_the_name_as_step_functions_keeps_it()
    {
        // Recorded against AWS: the path $['Test\""Name"'] reads the member named Test\""Name" (backslash kept).
        var input = JsonValue.Parse("""{"Test\\\"\"Name\"":"Value\"\\"}""");

        Assert.Equal("\"Value\\\"\\\\\"", Evaluate("$['Test\\\"\"Name\"']", input));
    }

    [Fact]
    public void Context_paths_are_flagged_and_evaluated_on_the_root_the_caller_passes()
    {
        var path = JsonPath.Compile("$$.Execution.Id");
        var context = JsonValue.Parse("""{"Execution":{"Id":"arn:aws:states:eu-west-1:1:execution:m:e"}}""");

        Assert.True(path.IsContextPath);
        Assert.False(JsonPath.Compile("$.Execution.Id").IsContextPath);
        Assert.True(path.TryEvaluate(context, out var id));
        Assert.Equal("\"arn:aws:states:eu-west-1:1:execution:m:e\"", id.ToJson());
        Assert.True(JsonPath.Compile("$$").TryEvaluate(context, out var whole));
        Assert.Same(context, whole);
    }

    [Theory]
    [InlineData("", "must start with '$'")]
    [InlineData("store.book", "must start with '$'")]
    [InlineData("$.", "must not end with '.'")]
    [InlineData("$..", "must not end with '..'")]
    [InlineData("$.a b", "brackets")]
    [InlineData("$[", "not closed")]
    [InlineData("$['a'", "expected ']'")]
    [InlineData("$['a]", "no closing '")]
    [InlineData("$[a]", "unexpected 'a'")]
    [InlineData("$[1:2:0]", "step must not be 0")]
    [InlineData("$.a.length()", "functions")]
    [InlineData("$a", "unexpected 'a'")]
    [InlineData("$[?(@.a = 1)]", "use '=='")]
    [InlineData("$[?(@.a == )]", "unexpected ')'")]
    [InlineData("$[?(@.a size 2)]", "'size' is not supported")]
    [InlineData("$[?(1)]", "a literal alone")]
    [InlineData("$[?(@.a =~ /[/)]", "invalid regular expression")]
    [InlineData("$[99999999999]", "too large")]
    [InlineData("$.a]", "unexpected ']'")]
    public void Invalid_paths_are_refused_with_a_message_naming_the_path_and_the_problem(string text, string expected)
    {
        Assert.False(JsonPath.TryCompile(text, out var path, out var error));
        Assert.Null(path);
        Assert.Contains($"'{text}'", error, StringComparison.Ordinal);
        Assert.Contains(expected, error, StringComparison.Ordinal);
        var thrown = Assert.Throws<FormatException>(() => JsonPath.Compile(text));
        Assert.Equal(error, thrown.Message);
    }

    [Fact]
    public void Evaluation_never_changes_the_input()
    {
        var before = StoreValue.ToJson();

        foreach (var path in new[] { "$..*", "$..book[?(@.price > 1)]", "$.store.book[::-1]", "$['store','expensive']" })
        {
            Assert.True(JsonPath.Compile(path).TryEvaluate(StoreValue, out _));
        }

        Assert.Equal(before, StoreValue.ToJson());
    }
}
