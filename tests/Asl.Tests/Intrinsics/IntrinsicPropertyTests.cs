using ContinuousImprovement.Asl.Intrinsics;
using ContinuousImprovement.Asl.Json;

using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace ContinuousImprovement.Asl.Tests.Intrinsics;

public sealed class IntrinsicPropertyTests
{
    // Any Unicode scalar value, mostly printable ASCII so that shrunk counterexamples stay readable.
    private static readonly Gen<string> Text = Gen.Frequency(
            (4, Gen.Choose(0x20, 0x7E)),
            (1, Gen.Choose(0, 0xD7FF)),
            (1, Gen.Choose(0xE000, 0x10FFFF)))
        .Select(char.ConvertFromUtf32)
        .ListOf()
        .Select(string.Concat);

    private static readonly Gen<JsonValue> Leaf = Gen.OneOf(
        Gen.Constant(JsonValue.Null),
        Gen.Elements(JsonValue.True, JsonValue.False),
        Gen.Choose(-1_000_000, 1_000_000).Select(i => JsonValue.From(i / 8.0)),
        Text.Select(JsonValue.From));

    private static readonly Gen<JsonValue> Json = Gen.Sized(size => Tree(Math.Min(size, 3)));

    private static readonly Gen<(int First, int Last, int Step)> RangeArguments =
        from first in Gen.Choose(-50, 50)
        from last in Gen.Choose(-50, 50)
        from step in Gen.Choose(-7, 7).Where(s => s != 0)
        select (first, last, step);

    private static readonly IntrinsicExpression Encode = IntrinsicExpression.Parse("States.Base64Decode(States.Base64Encode($.v))");
    private static readonly IntrinsicExpression RoundTrip = IntrinsicExpression.Parse("States.StringToJson(States.JsonToString($.v))");
    private static readonly IntrinsicExpression Partition = IntrinsicExpression.Parse("States.ArrayPartition($.v, $.n)");
    private static readonly IntrinsicExpression FormatOne = IntrinsicExpression.Parse("States.Format('<{}>', $.v)");
    private static readonly IntrinsicExpression Range = IntrinsicExpression.Parse("States.ArrayRange($.first, $.last, $.step)");

    [Property]
    public Property Base64_decode_undoes_encode_for_any_text() =>
        Prop.ForAll(Text.ToArbitrary(), text =>
            Encode.Evaluate(Input(("v", JsonValue.From(text))), JsonObject.Empty) is JsonString s && s.Value == text);

    [Property]
    public Property StringToJson_undoes_JsonToString_for_any_json() =>
        Prop.ForAll(Json.ToArbitrary(), value =>
            RoundTrip.Evaluate(Input(("v", value)), JsonObject.Empty).Equals(value));

    [Property]
    public Property ArrayPartition_then_flatten_gives_back_the_array_in_full_chunks() =>
        Prop.ForAll(Gen.Zip(Leaf.ArrayOf(), Gen.Choose(1, 12)).ToArbitrary(), sample =>
        {
            var (items, size) = sample;
            var chunks = (JsonArray)Partition.Evaluate(Input(("v", new JsonArray(items)), ("n", JsonValue.From(size))), JsonObject.Empty);
            var flattened = chunks.SelectMany(c => (JsonArray)c).ToArray();
            return flattened.SequenceEqual(items)
                && chunks.Take(Math.Max(0, chunks.Count - 1)).All(c => ((JsonArray)c).Count == size)
                && chunks.All(c => ((JsonArray)c).Count is > 0 and var n && n <= size);
        });

    [Property]
    public Property Format_of_one_string_inserts_it_verbatim() =>
        Prop.ForAll(Text.ToArbitrary(), text =>
            FormatOne.Evaluate(Input(("v", JsonValue.From(text))), JsonObject.Empty) is JsonString s && s.Value == $"<{text}>");

    [Property]
    public Property ArrayRange_steps_from_first_towards_last_without_passing_it() =>
        Prop.ForAll(RangeArguments.ToArbitrary(), sample =>
        {
            var (first, last, step) = sample;
            var range = (JsonArray)Range.Evaluate(Input(("first", JsonValue.From(first)), ("last", JsonValue.From(last)), ("step", JsonValue.From(step))), JsonObject.Empty);
            var values = range.Select(v => ((JsonNumber)v).Value).ToList();
            var expected = new List<double>();
            for (var v = first; step > 0 ? v <= last : v >= last; v += step)
            {
                expected.Add(v);
            }

            return values.SequenceEqual(expected);
        });

    private static JsonObject Input(params (string Key, JsonValue Value)[] members) =>
        JsonObject.From(members.Select(m => KeyValuePair.Create(m.Key, m.Value)));

    private static Gen<JsonValue> Tree(int depth) =>
        depth == 0
            ? Leaf
            : Gen.Frequency(
                (2, Leaf),
                (1, Tree(depth - 1).ArrayOf().Select(items => (JsonValue)new JsonArray(items))),
                (1, Gen.Zip(Text, Tree(depth - 1)).ArrayOf()
                    .Select(members => (JsonValue)JsonObject.From(members.Select(m => KeyValuePair.Create(m.Item1, m.Item2))))));
}
