using ContinuousImprovement.Asl.Json;

using static ContinuousImprovement.Asl.Tests.Paths.PathFixtures;

namespace ContinuousImprovement.Asl.Tests.Paths;

public sealed class JsonPathFilterTests
{
    private const string People = """
        [
          {"name":"ann","age":31,"admin":true,"tags":["a","b"]},
          {"name":"bob","age":17,"admin":false},
          {"name":"cid","age":45,"admin":null,"nick":"c"},
          {"name":"dee","age":"40"}
        ]
        """;

    [Theory]
    [InlineData("$[?(@.age == 17)].name", """["bob"]""")]
    [InlineData("$[?(@.age != 17)].name", """["ann","cid","dee"]""")]
    [InlineData("$[?(@.age < 31)].name", """["bob"]""")]
    [InlineData("$[?(@.age <= 31)].name", """["ann","bob"]""")]
    [InlineData("$[?(@.age > 31)].name", """["cid"]""")]
    [InlineData("$[?(@.age >= 31)].name", """["ann","cid"]""")]
    [InlineData("$[?(@.name == 'bob')].age", "[17]")]
    [InlineData("$[?(@.name == \"bob\")].age", "[17]")]
    [InlineData("$[?(@.name > 'b')].name", """["bob","cid","dee"]""")]
    [InlineData("$[?(@.admin == true)].name", """["ann"]""")]
    [InlineData("$[?(@.admin == false)].name", """["bob"]""")]
    [InlineData("$[?(@.admin == null)].name", """["cid"]""")]
    [InlineData("$[?(@.age == -1)].name", "[]")]
    [InlineData("$[?(@.age == 17.0)].name", """["bob"]""")]
    [InlineData("$[?(@.age < 1e2)].name", """["ann","bob","cid"]""")]
    public void Comparisons_select_matching_elements(string path, string expected) =>
        Assert.Equal(expected, Evaluate(path, People));

    [Theory]
    [InlineData("$[?(@.age == '40')].name", """["dee"]""")]
    [InlineData("$[?(@.age == 40)].name", "[]")]
    [InlineData("$[?(@.age > 20)].name", """["ann","cid"]""")]
    public void Values_of_different_types_never_compare_equal_or_ordered(string path, string expected) =>
        Assert.Equal(expected, Evaluate(path, People));

    [Theory]
    [InlineData("$[?(@.admin)].name", """["ann","bob","cid"]""")]
    [InlineData("$[?(!@.admin)].name", """["dee"]""")]
    [InlineData("$[?(@.nick)].name", """["cid"]""")]
    [InlineData("$[?(@.tags[1])].name", """["ann"]""")]
    [InlineData("$[?(@.tags[*])].name", """["ann"]""")]
    public void A_path_alone_tests_that_the_member_exists_even_when_null_or_false(string path, string expected) =>
        Assert.Equal(expected, Evaluate(path, People));

    [Theory]
    [InlineData("$[?(@.age > 18 && @.admin == true)].name", """["ann"]""")]
    [InlineData("$[?(@.age < 18 || @.nick)].name", """["bob","cid"]""")]
    [InlineData("$[?(@.age < 18 || @.age > 40 && @.nick == 'c')].name", """["bob","cid"]""")]
    [InlineData("$[?((@.age < 18 || @.age > 40) && @.nick == 'c')].name", """["cid"]""")]
    [InlineData("$[?(!(@.age < 18) && @.admin != null)].name", """["ann","dee"]""")]
    [InlineData("$[?(@.age>18&&@.admin==true)].name", """["ann"]""")]
    public void Logical_operators_combine_with_and_binding_tighter_than_or(string path, string expected) =>
        Assert.Equal(expected, Evaluate(path, People));

    [Theory]
    [InlineData("$[?(@.name in ['ann','cid'])].age", "[31,45]")]
    [InlineData("$[?(@.name nin ['ann','cid'])].age", """[17,"40"]""")]
    [InlineData("$[?(@.name =~ /[ab].*/)].age", "[31,17]")]
    [InlineData("$[?(@.name =~ /.*N+/i)].age", "[31]")]
    [InlineData("$[?(@.name =~ /n+/)].age", "[]")]
    public void Membership_and_whole_string_regex_operators_work(string path, string expected) =>
        Assert.Equal(expected, Evaluate(path, People));

    [Fact]
    public void A_missing_member_fails_every_comparison_except_not_equal() =>
        Assert.Equal("""["ann","bob","dee"]""", Evaluate("$[?(@.nick != 'c')].name", People));

    [Fact]
    public void Filters_may_compare_with_values_from_the_document_root()
    {
        const string json = """{"limit":20,"items":[{"v":10},{"v":30}]}""";

        Assert.Equal("""[{"v":10}]""", Evaluate("$.items[?(@.v < $.limit)]", json));
    }

    [Fact]
    public void A_filter_on_an_object_tests_the_object_itself()
    {
        Assert.Equal("""[{"a":1}]""", Evaluate("$[?(@.a == 1)]", """{"a":1}"""));
        Assert.Equal("[]", Evaluate("$[?(@.a == 2)]", """{"a":1}"""));
        Assert.Equal("[]", Evaluate("$[?(@.a == 2)]", "5"));
    }

    [Fact]
    public void Filters_after_a_deep_scan_test_each_object_once()
    {
        const string json = """{"a":{"k":1,"b":[{"k":2},{"j":3}]},"k":0}""";

        Assert.Equal("""[{"a":{"k":1,"b":[{"k":2},{"j":3}]},"k":0},{"k":1,"b":[{"k":2},{"j":3}]},{"k":2}]""", Evaluate("$..[?(@.k)]", json));
    }

    [Fact]
    public void Step_functions_examples_recorded_against_aws_match()
    {
        // From a recorded AWS execution: "$.users[?(@.status == 0)]" and "$.[?(@.year < 1999)].name".
        var users = JsonValue.Parse("""{"users":[{"year":1997,"status":0},{"year":1998,"status":1}]}""");

        Assert.Equal("""[{"year":1997,"status":0}]""", Evaluate("$.users[?(@.status == 0)]", users));
        Assert.Equal("""["A"]""", Evaluate("$.[?(@.year < 1999)].name", """[{"year":1997,"name":"A"},{"year":1999,"name":"B"}]"""));
    }
}
