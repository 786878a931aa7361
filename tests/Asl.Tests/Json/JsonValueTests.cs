using System.Text.Json;
using ContinuousImprovement.Asl.Json;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace ContinuousImprovement.Asl.Tests.Json;

public sealed class JsonValueTests
{
    [Theory]
    [InlineData("null")]
    [InlineData("true")]
    [InlineData("false")]
    [InlineData("0")]
    [InlineData("-12")]
    [InlineData("1.5")]
    [InlineData("\"x\\\"y\"")]
    [InlineData("[]")]
    [InlineData("{}")]
    [InlineData("{\"b\":1,\"a\":[1,{\"c\":null}]}")]
    [InlineData("\"日本 <tag> & 'quote'\"")]
    public void Compact_json_round_trips_exactly(string json) => Assert.Equal(json, JsonValue.Parse(json).ToJson());

    [Fact]
    public void Whole_numbers_print_without_fraction_like_json_producers_do()
    {
        Assert.Equal("3", JsonValue.Parse("3.0").ToJson());
        Assert.Equal("100", JsonValue.Parse("1e2").ToJson());
        Assert.Equal("0.1", JsonValue.Parse("0.1").ToJson());
    }

    [Fact]
    public void Objects_keep_member_order_and_repeated_keys_keep_the_last_value() =>
        Assert.Equal("{\"z\":3,\"a\":2}", JsonValue.Parse("{\"z\":1,\"a\":2,\"z\":3}").ToJson());

    [Fact]
    public void Objects_are_equal_regardless_of_member_order()
    {
        var left = JsonValue.Parse("{\"a\":1,\"b\":[true,null]}");
        var right = JsonValue.Parse("{\"b\":[true,null],\"a\":1}");

        Assert.Equal(left, right);
        Assert.Equal(left.GetHashCode(), right.GetHashCode());
        Assert.NotEqual(left, JsonValue.Parse("{\"a\":1,\"b\":[null,true]}"));
    }

    [Fact]
    public void With_replaces_in_place_or_appends_and_leaves_the_original_alone()
    {
        var original = (JsonObject)JsonValue.Parse("{\"a\":1,\"b\":2}");

        Assert.Equal("{\"a\":9,\"b\":2}", original.With("a", JsonValue.From(9)).ToJson());
        Assert.Equal("{\"a\":1,\"b\":2,\"c\":3}", original.With("c", JsonValue.From(3)).ToJson());
        Assert.Equal("{\"a\":1,\"b\":2}", original.ToJson());
    }

    [Fact]
    public void Large_objects_are_looked_up_through_an_index()
    {
        var members = Enumerable.Range(0, 50).Select(i => new KeyValuePair<string, JsonValue>($"k{i}", JsonValue.From(i)));
        var obj = JsonObject.From(members);

        Assert.Equal(JsonValue.From(37), obj["k37"]);
        Assert.Null(obj["k50"]);
        Assert.Equal(JsonValue.From(-1), obj.With("k37", JsonValue.From(-1))["k37"]);
    }

    [Theory]
    [InlineData("")]
    [InlineData("{")]
    [InlineData("1 2")]
    [InlineData("{\"a\":}")]
    [InlineData("NaN")]
    [InlineData("1e400")]
    public void Invalid_json_is_refused(string json) => Assert.ThrowsAny<JsonException>(() => JsonValue.Parse(json));

    [Fact]
    public void Utf8_size_counts_the_compact_encoding() =>
        Assert.Equal(System.Text.Encoding.UTF8.GetByteCount("{\"a\":\"日本\"}"), JsonValue.Parse("{ \"a\" : \"日本\" }").Utf8Size());

    [Property]
    public Property Any_json_written_by_system_text_json_parses_to_an_equal_value_after_a_round_trip()
    {
        var leaf = Gen.OneOf(
            Gen.Constant<object?>(null),
            ArbMap.Default.GeneratorFor<bool>().Select(b => (object?)b),
            Gen.Choose(-1_000_000, 1_000_000).Select(i => (object?)(i / 8.0)),
            ArbMap.Default.GeneratorFor<NonNull<string>>().Select(s => (object?)s.Get));
        var values = Gen.ListOf(leaf).Select(l => l.ToArray());
        return Prop.ForAll(values.ToArbitrary(), items =>
        {
            var json = JsonSerializer.Serialize(items, JsonTestContext.Default.ObjectArray);
            var parsed = JsonValue.Parse(json);
            return parsed.Equals(JsonValue.Parse(parsed.ToJson()));
        });
    }
}

[System.Text.Json.Serialization.JsonSerializable(typeof(object[]))]
[System.Text.Json.Serialization.JsonSerializable(typeof(bool))]
[System.Text.Json.Serialization.JsonSerializable(typeof(double))]
[System.Text.Json.Serialization.JsonSerializable(typeof(string))]
internal sealed partial class JsonTestContext : System.Text.Json.Serialization.JsonSerializerContext;

public sealed class JsonValueSizeTests
{
    [Theory]
    [InlineData("null")]
    [InlineData("[true,false,-1.25,1e21,123456789012]")]
    [InlineData("{\"a\\\"b\":\"line\\nbreak\\u0001 tab\\t quote\\\" back\\\\\",\"日本\":\"😀 é\"}")]
    [InlineData("[[],{},[{}],\"\"]")]
    public void The_remembered_size_is_the_size_of_the_compact_text(string json)
    {
        var value = JsonValue.Parse(json);

        Assert.Equal(System.Text.Encoding.UTF8.GetByteCount(value.ToJson()), value.Utf8Size());
    }

    [Property]
    public Property Size_matches_the_written_text_for_any_strings_and_numbers()
    {
        var gen =
            from texts in Gen.ListOf(ArbMap.Default.GeneratorFor<NonNull<string>>().Select(s => s.Get).Where(s => !s.Any(char.IsSurrogate)))
            from numbers in Gen.ListOf(ArbMap.Default.GeneratorFor<NormalFloat>().Select(f => f.Get))
            select JsonObject.From(texts.Select((t, i) => new KeyValuePair<string, JsonValue>(t + i, JsonValue.From(t)))
                .Concat(numbers.Select((n, i) => new KeyValuePair<string, JsonValue>("n" + i, JsonValue.From(n)))));
        return Prop.ForAll(gen.ToArbitrary(), value => value.Utf8Size() == System.Text.Encoding.UTF8.GetByteCount(value.ToJson()));
    }
}
