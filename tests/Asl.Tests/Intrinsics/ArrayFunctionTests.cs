using static ContinuousImprovement.Asl.Tests.Intrinsics.IntrinsicFixtures;

namespace ContinuousImprovement.Asl.Tests.Intrinsics;

public sealed class ArrayFunctionTests
{
    [Fact]
    public void Array_collects_its_arguments_as_in_the_aws_guide()
    {
        Assert.Equal("[123456]", Evaluate("States.Array($.Id)", """{"Id":123456}"""));
        Assert.Equal("""["Foo",2020,{"random":"abcdefg"},null]""", Evaluate("States.Array('Foo', 2020, $.someJson, null)", """{"someJson":{"random":"abcdefg"},"zebra":"stripe"}"""));
        Assert.Equal("[]", Evaluate("States.Array()"));
    }

    [Theory]
    [InlineData("[1,2,3,4,5,6,7,8,9]", 4, "[[1,2,3,4],[5,6,7,8],[9]]")]
    [InlineData("[]", 1, "[]")]
    [InlineData("[0]", 5, "[[0]]")]
    [InlineData("[0,1,2]", 2, "[[0,1],[2]]")]
    [InlineData("[0,1,2,3]", 1, "[[0],[1],[2],[3]]")]
    [InlineData("[0,1,2,3]", 4, "[[0,1,2,3]]")]
    public void ArrayPartition_chunks_as_documented_and_recorded(string array, int size, string expected) =>
        Assert.Equal(expected, Evaluate("States.ArrayPartition($.a, $.n)", $$"""{"a":{{array}},"n":{{size}}}"""));

    [Theory]
    [InlineData("States.ArrayPartition($.a, 0)", "the chunk size (argument 2) must be a positive integer, but got 0.")]
    [InlineData("States.ArrayPartition($.a, -2)", "the chunk size (argument 2) must be a positive integer, but got -2.")]
    [InlineData("States.ArrayPartition($.s, 2)", "argument 1 must be an array, but $.s is the string \"abc\".")]
    [InlineData("States.ArrayPartition($.a, 'x')", "argument 2 must be an integer, but got the string \"x\".")]
    public void ArrayPartition_refuses_bad_arguments(string expression, string cause) =>
        Assert.Equal($"States.ArrayPartition: {cause}", Failure(expression, """{"a":[1,2],"s":"abc"}""").Cause);

    [Theory]
    [InlineData("[1,2,3,4,5,6,7,8,9]", "5", "true")]
    [InlineData("[]", "null", "false")]
    [InlineData("[]", "[]", "false")]
    [InlineData("[[1,2,3],2]", "null", "false")]
    [InlineData("[[1,2,3],2]", "[1,2,3]", "true")]
    [InlineData("[{\"1\":2,\"2\":[]}]", "[]", "false")]
    [InlineData("[{\"1\":2,\"2\":[]}]", "{\"2\":[],\"1\":2}", "true")]
    [InlineData("[true,false]", "false", "true")]
    [InlineData("[1]", "1.0", "true")]
    [InlineData("[1]", "\"1\"", "false")]
    public void ArrayContains_compares_deeply_as_recorded_against_aws(string array, string value, string expected) =>
        Assert.Equal(expected, Evaluate("States.ArrayContains($.a, $.v)", $$"""{"a":{{array}},"v":{{value}}}"""));

    [Theory]
    [InlineData(1, 9, 2, "[1,3,5,7,9]")]
    [InlineData(0, 9, 3, "[0,3,6,9]")]
    [InlineData(0, 10, 3, "[0,3,6,9]")]
    [InlineData(1, 9, 9, "[1]")]
    [InlineData(5, 5, 1, "[5]")]
    [InlineData(5, 5, -1, "[5]")]
    [InlineData(9, 1, -4, "[9,5,1]")]
    [InlineData(-3, 3, 3, "[-3,0,3]")]
    [InlineData(1, 9, -2, "[]")]
    [InlineData(9, 1, 2, "[]")]
    public void ArrayRange_includes_the_last_value_when_the_step_reaches_it(int first, int last, int step, string expected) =>
        Assert.Equal(expected, Evaluate($"States.ArrayRange({first}, {last}, {step})"));

    [Fact]
    public void ArrayRange_allows_a_thousand_items_and_no_more()
    {
        Assert.Equal(1000, System.Text.Json.JsonDocument.Parse(Evaluate("States.ArrayRange(1, 1000, 1)")).RootElement.GetArrayLength());
        Assert.Equal("States.ArrayRange: the range would have 1001 items; at most 1000 are allowed.", Failure("States.ArrayRange(0, 1000, 1)").Cause);
        Assert.Equal("States.ArrayRange: the step (argument 3) must not be 0.", Failure("States.ArrayRange(0, 10, 0)").Cause);
    }

    [Fact]
    public void ArrayGetItem_returns_the_item_at_the_index_as_in_the_aws_guide() =>
        Assert.Equal("6", Evaluate("States.ArrayGetItem($.inputArray, $.index)", """{"inputArray":[1,2,3,4,5,6,7,8,9],"index":5}"""));

    [Theory]
    [InlineData("States.ArrayGetItem($.a, 3)", "the index 3 is outside the array, which has 3 item(s).")]
    [InlineData("States.ArrayGetItem($.a, -1)", "the index -1 is outside the array, which has 3 item(s).")]
    [InlineData("States.ArrayGetItem($.o, 0)", "argument 1 must be an array, but $.o is an object.")]
    public void ArrayGetItem_fails_outside_the_array(string expression, string cause) =>
        Assert.Equal($"States.ArrayGetItem: {cause}", Failure(expression, """{"a":[1,2,3],"o":{}}""").Cause);

    [Fact]
    public void ArrayLength_counts_items_as_in_the_aws_guide()
    {
        Assert.Equal("9", Evaluate("States.ArrayLength($.inputArray)", """{"inputArray":[1,2,3,4,5,6,7,8,9]}"""));
        Assert.Equal("0", Evaluate("States.ArrayLength($.e)", """{"e":[]}"""));
        Assert.Equal("States.ArrayLength: argument 1 must be an array, but $.n is null.", Failure("States.ArrayLength($.n)", """{"n":null}""").Cause);
    }

    [Theory]
    [InlineData("[1,2,3,3,3,3,3,3,4]", "[1,2,3,4]")]
    [InlineData("[null,null,true,true,false,false,1,1,1.1,0,-0,\"HelloWorld\",\"HelloWorld\",[],[],[null],[null],{\"a\":1,\"b\":2},{\"b\":2,\"a\":1},{\"a\":1,\"b\":1}]",
        "[null,true,false,1,1.1,0,\"HelloWorld\",[],[null],{\"a\":1,\"b\":2},{\"a\":1,\"b\":1}]")]
    [InlineData("[]", "[]")]
    [InlineData("[3,1,3,2,1]", "[3,1,2]")]
    public void ArrayUnique_keeps_the_first_of_each_deeply_equal_item(string array, string expected) =>
        Assert.Equal(expected, Evaluate("States.ArrayUnique($.a)", $$"""{"a":{{array}}}"""));

    [Fact]
    public void Array_functions_read_indefinite_paths_as_arrays() =>
        Assert.Equal("2", Evaluate("States.ArrayLength($.users[?(@.active)])", """{"users":[{"active":true},{"x":1},{"active":false}]}"""));
}
