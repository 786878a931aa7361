using ContinuousImprovement.Asl.Json;
using ContinuousImprovement.Asl.Paths;

using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace ContinuousImprovement.Asl.Tests.Paths;

public sealed class ReferencePathPropertyTests
{
    // Few distinct names, so that generated paths often run into existing members of generated documents.
    private static readonly Gen<string> Name = Gen.Elements("a", "b", "c");

    private static readonly Gen<JsonValue> Leaf = Gen.OneOf(
        Gen.Constant(JsonValue.Null),
        Gen.Elements(JsonValue.True, JsonValue.False),
        Gen.Choose(-5, 5).Select(i => JsonValue.From(i)),
        Name.Select(s => JsonValue.From(s)));

    private static readonly Gen<JsonValue> Document = Gen.Sized(size => Tree(Math.Min(size, 4)));

    private static readonly Gen<string[]> Names = Gen.Choose(1, 4).SelectMany(n => Name.ArrayOf(n));

    private static readonly Gen<Sample> Samples =
        from root in Document.Where(d => d is JsonObject)
        from names in Names
        from value in Leaf
        select new Sample(root, names, value);

    private static Gen<JsonValue> Tree(int depth) =>
        depth == 0
            ? Leaf
            : Gen.Frequency(
                (1, Leaf),
                (3, Gen.Choose(0, 3).SelectMany(n => Member(depth - 1).ArrayOf(n)).Select(members => (JsonValue)JsonObject.From(members))),
                (1, Tree(depth - 1).ArrayOf().Select(items => (JsonValue)new JsonArray(items))));

    private static Gen<KeyValuePair<string, JsonValue>> Member(int depth) =>
        from name in Name
        from value in Tree(depth)
        select KeyValuePair.Create(name, value);

    [Property]
    public Property Set_then_get_at_the_same_path_returns_the_value_and_the_original_is_unchanged() =>
        Prop.ForAll(Samples.ToArbitrary(), sample =>
        {
            var (root, names, value) = (sample.Root, sample.Names, sample.Value);
            var path = ReferencePath.Compile("$." + string.Join(".", names));
            var before = root.ToJson();
            var applicable = AllIntermediatesAreObjectsOrMissing(root, names);

            try
            {
                var output = path.Set(root, value);
                return applicable
                    && path.TryGet(output, out var read)
                    && ReferenceEquals(read, value)
                    && root.ToJson() == before;
            }
            catch (AslRuntimeException failure)
            {
                return !applicable
                    && failure.Error == StatesErrors.ResultPathMatchFailure
                    && root.ToJson() == before;
            }
        });

    [Property]
    public Property Set_leaves_every_other_top_level_member_as_it_was() =>
        Prop.ForAll(Samples.ToArbitrary(), sample =>
        {
            var (root, names, value) = (sample.Root, sample.Names, sample.Value);
            if (!AllIntermediatesAreObjectsOrMissing(root, names))
            {
                return true;
            }

            var output = (JsonObject)ReferencePath.Compile("$." + string.Join(".", names)).Set(root, value);
            return ((JsonObject)root)
                .Where(m => m.Key != names[0])
                .All(m => ReferenceEquals(output[m.Key], m.Value));
        });

    private static bool AllIntermediatesAreObjectsOrMissing(JsonValue root, string[] names)
    {
        var node = root;
        foreach (var name in names)
        {
            if (node is not JsonObject obj)
            {
                return false;
            }

            if (!obj.TryGetValue(name, out var child))
            {
                return true;
            }

            node = child;
        }

        return true;
    }

    /// <summary>A generated case; ToString shows it as JSON when FsCheck reports a counterexample.</summary>
    public sealed record Sample(JsonValue Root, string[] Names, JsonValue Value)
    {
        public override string ToString() => $"root {Root.ToJson()}, path $.{string.Join(".", Names)}, value {Value.ToJson()}";
    }
}
