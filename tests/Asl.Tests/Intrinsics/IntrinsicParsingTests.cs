using ContinuousImprovement.Asl.Intrinsics;

using static ContinuousImprovement.Asl.Tests.Intrinsics.IntrinsicFixtures;

namespace ContinuousImprovement.Asl.Tests.Intrinsics;

public sealed class IntrinsicParsingTests
{
    [Theory]
    [InlineData("States.Format('{}', $.a)", true)]
    [InlineData("States.Anything", true)]
    [InlineData("$.States", false)]
    [InlineData("states.Format('x')", false)]
    [InlineData(" States.UUID()", false)]
    public void Intrinsics_are_recognised_by_the_states_prefix(string text, bool expected) =>
        Assert.Equal(expected, IntrinsicExpression.LooksLikeIntrinsic(text));

    [Theory]
    [InlineData("States.Array( 1 ,  'a' , true,false ,null, $.x, $$.y, States.Array() )", """[1,"a",true,false,null,"X","Y",[]]""")]
    [InlineData("States.Array(-1, 2.5, 0, 1e3, -2.5E-1)", "[-1,2.5,0,1000,-0.25]")]
    [InlineData("  States.Array('a')  ", """["a"]""")]
    [InlineData("States.Array\t(\n'a'\n)", """["a"]""")]
    [InlineData("States.Array($.list[0], $['x'], $.list[?(@ > 1)], $.list[-1:])", """[1,"X",[2,3],[3]]""")]
    [InlineData("States.Array('a,b', 'c)d', '(')", """["a,b","c)d","("]""")]
    public void Arguments_may_be_literals_paths_and_calls_with_free_whitespace(string expression, string expected) =>
        Assert.Equal(expected, Evaluate(expression, """{"x":"X","list":[1,2,3]}""", """{"y":"Y"}"""));

    [Theory]
    [InlineData("States.Array('It\\'s')", """["It's"]""")]
    [InlineData("States.Array('\\{\\}')", """["{}"]""")]
    [InlineData("States.Array('back\\\\slash')", """["back\\slash"]""")]
    [InlineData("States.Array('{\"a\": \"b\"}')", """["{\"a\": \"b\"}"]""")]
    [InlineData("States.Array('')", """[""]""")]
    [InlineData("States.Array('日本 \"quoted\"')", """["日本 \"quoted\""]""")]
    public void String_literals_unescape_the_four_reserved_characters(string expression, string expected) =>
        Assert.Equal(expected, Evaluate(expression));

    [Fact]
    public void A_real_newline_inside_a_literal_is_an_ordinary_character_as_in_the_recorded_aws_example() =>
        Assert.Equal("""["Hello","World"]""", Evaluate("States.StringSplit('Hello\nWorld', '\n')"));

    [Theory]
    [InlineData("States.Foo(1)", "'States.Foo' is not an intrinsic function")]
    [InlineData("States.format('x')", "'States.format' is not an intrinsic function")]
    [InlineData("States.(1)", "is not an intrinsic function")]
    [InlineData("Format('x')", "expected an intrinsic function")]
    [InlineData("States.Array", "expected '(' but the expression ends")]
    [InlineData("States.Array(1", "States.Array( is not closed")]
    [InlineData("States.Array(1 2)", "expected ',' or ')' but found '2'")]
    [InlineData("States.Array(1,)", "unexpected ')'")]
    [InlineData("States.Array('abc)", "is not closed with '")]
    [InlineData("States.Array('a\\nb')", "'\\n' is not an escape")]
    [InlineData("States.Array('say \\\"hi\\\"')", "'\\\"' is not an escape")]
    [InlineData("States.Array(1) x", "unexpected 'x' after the closing ')'")]
    [InlineData("States.Array(1x)", "unexpected 'x' in a number")]
    [InlineData("States.Array(-)", "expected a digit after '-'")]
    [InlineData("States.Array(truth)", "unexpected 't'")]
    [InlineData("States.Array($.a[)", "Invalid JSONPath '$.a[)'")]
    [InlineData("States.Array($..)", "must not end with '..'")]
    [InlineData("States.ArrayLength($.a, $.b)", "States.ArrayLength takes exactly 1 argument, but 2 were given")]
    [InlineData("States.UUID(1)", "States.UUID takes exactly 0 arguments, but 1 was given")]
    [InlineData("States.Format()", "States.Format takes at least 1 argument, but 0 were given")]
    [InlineData("States.MathRandom(1, 2, 3, 4)", "States.MathRandom takes 2 to 3 arguments, but 4 were given")]
    [InlineData("States.JsonMerge($.a, $.b)", "States.JsonMerge takes exactly 3 arguments, but 2 were given")]
    public void Invalid_expressions_are_refused_at_load_with_a_message_naming_them(string expression, string expected)
    {
        Assert.False(IntrinsicExpression.TryParse(expression, out var parsed, out var error));
        Assert.Null(parsed);
        Assert.Contains($"Invalid intrinsic function '{expression}'", error, StringComparison.Ordinal);
        Assert.Contains(expected, error, StringComparison.Ordinal);
        Assert.Equal(error, Assert.Throws<FormatException>(() => IntrinsicExpression.Parse(expression)).Message);
    }

    [Fact]
    public void Nesting_is_limited_to_ten_calls_deep()
    {
        static string Nest(int depth) => depth == 0 ? "1" : $"States.Array({Nest(depth - 1)})";

        Assert.Equal("[[[[[[[[[[1]]]]]]]]]]", Evaluate(Nest(10)));
        Assert.False(IntrinsicExpression.TryParse(Nest(11), out _, out var error));
        Assert.Contains("nested at most 10 deep", error, StringComparison.Ordinal);
    }

    [Fact]
    public void The_expression_keeps_its_text() =>
        Assert.Equal("States.UUID()", IntrinsicExpression.Parse("States.UUID()").ToString());
}
