using System.Net;
using System.Text.RegularExpressions;

using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

using static ContinuousImprovement.Core.Tests.Events.PatternTesting;

namespace ContinuousImprovement.Core.Tests.Events;

public sealed class EventPatternPropertyTests
{
    [Property(MaxTest = 1000)]
    public Property Prefix_matches_a_string_exactly_when_it_starts_with_the_prefix() =>
        Prop.ForAll(EventPatternGenerators.RelatedTexts.ToArbitrary(), pair =>
            Matches($$"""{"x":[{"prefix":{{Str(pair.Pattern)}}}]}""", $$"""{"x":{{Str(pair.Value)}}}""")
            == Decoded(pair.Value).StartsWith(Decoded(pair.Pattern), StringComparison.Ordinal));

    [Property(MaxTest = 1000)]
    public Property Suffix_matches_a_string_exactly_when_it_ends_with_the_suffix() =>
        Prop.ForAll(EventPatternGenerators.RelatedTexts.ToArbitrary(), pair =>
            Matches($$"""{"x":[{"suffix":{{Str(pair.Pattern)}}}]}""", $$"""{"x":{{Str(pair.Value)}}}""")
            == Decoded(pair.Value).EndsWith(Decoded(pair.Pattern), StringComparison.Ordinal));

    [Property(MaxTest = 500)]
    public Property Equals_ignore_case_matches_a_text_in_upper_and_lower_case_and_no_other_text() =>
        Prop.ForAll(EventPatternGenerators.RelatedTexts.ToArbitrary(), pair =>
        {
            var pattern = $$"""{"x":[{"equals-ignore-case":{{Str(pair.Pattern)}}}]}""";
            var text = Decoded(pair.Pattern);
            var sameLetters = string.Equals(text.ToUpperInvariant(), Decoded(pair.Value).ToUpperInvariant(), StringComparison.Ordinal);
            return Matches(pattern, $$"""{"x":{{Str(text.ToUpperInvariant())}}}""")
                && Matches(pattern, $$"""{"x":{{Str(text.ToLowerInvariant())}}}""")
                && (sameLetters || !Matches(pattern, $$"""{"x":{{Str(pair.Value)}}}"""));
        });

    [Property(MaxTest = 1000)]
    public Property Anything_but_a_value_is_the_negation_of_matching_that_value() =>
        Prop.ForAll(Gen.Zip(StringOrNumber, EventPatternGenerators.Scalar).ToArbitrary(), pair =>
        {
            var (excluded, value) = pair;
            var eventJson = $$"""{"x":{{value}}}""";
            return Matches($$"""{"x":[{"anything-but":{{excluded}}}]}""", eventJson) == !Matches($$"""{"x":[{{excluded}}]}""", eventJson);
        });

    [Property(MaxTest = 1000)]
    public Property Anything_but_a_prefix_is_the_negation_of_the_prefix_for_every_present_value() =>
        Prop.ForAll(Gen.Zip(EventPatternGenerators.RelatedTexts.Where(p => Decoded(p.Pattern).Length > 0), EventPatternGenerators.Scalar).ToArbitrary(), t =>
        {
            var ((prefix, text), other) = t;
            return new[] { Str(text), other }.All(value =>
                Matches($$$"""{"x":[{"anything-but":{"prefix":{{{Str(prefix)}}}}}]}""", $$"""{"x":{{value}}}""")
                == !Matches($$"""{"x":[{"prefix":{{Str(prefix)}}}]}""", $$"""{"x":{{value}}}"""));
        });

    [Property(MaxTest = 500)]
    public Property Or_matches_exactly_when_some_branch_matches_on_its_own() =>
        Prop.ForAll((from a in Branch from b in Branch from c in Branch from e in SmallEvent select (a, b, c, e)).ToArbitrary(), t =>
        {
            var (a, b, c, eventJson) = t;
            var any = new[] { a, b, c }.Any(branch => Matches(branch, eventJson));
            return Matches($$"""{"$or":[{{a}},{{b}},{{c}}]}""", eventJson) == any;
        });

    [Property(MaxTest = 1000)]
    public Property A_numeric_range_matches_exactly_the_numbers_between_its_bounds() =>
        Prop.ForAll((from a in EventPatternGenerators.Number from b in EventPatternGenerators.Number from x in EventPatternGenerators.Number from lowClosed in Gen.Elements(true, false) from highClosed in Gen.Elements(true, false) select (a, b, x, lowClosed, highClosed)).ToArbitrary(), t =>
        {
            var (a, b, x, lowClosed, highClosed) = t;
            if (a == b)
            {
                return true;
            }

            var (low, high) = (Math.Min(a, b), Math.Max(a, b));
            var pattern = $$"""{"x":[{"numeric":["{{(lowClosed ? ">=" : ">")}}",{{EventPatternGenerators.Json(low)}},"{{(highClosed ? "<=" : "<")}}",{{EventPatternGenerators.Json(high)}}]}]}""";
            var inside = (lowClosed ? x >= low : x > low) && (highClosed ? x <= high : x < high);
            return Matches(pattern, $$"""{"x":{{EventPatternGenerators.Json(x)}}}""") == inside
                && !Matches(pattern, $$"""{"x":"{{EventPatternGenerators.Json(x)}}"}""");
        });

    [Property(MaxTest = 1000)]
    public Property A_wildcard_matches_what_the_equivalent_anchored_regular_expression_matches() =>
        Prop.ForAll(Gen.Zip(WildcardPattern, EventPatternGenerators.Text).ToArbitrary(), t =>
        {
            var (parts, text) = t;
            var wildcard = string.Join("*", parts.Select(p => p.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("*", "\\*", StringComparison.Ordinal)));
            var regex = "^" + string.Join(".*", parts.Select(Regex.Escape)) + "$";
            var expected = Regex.IsMatch(Decoded(text), regex, RegexOptions.Singleline | RegexOptions.CultureInvariant);
            var filled = string.Join(text, parts);
            return Matches($$"""{"x":[{"wildcard":{{Str(wildcard)}}}]}""", $$"""{"x":{{Str(text)}}}""") == expected
                && Matches($$"""{"x":[{"wildcard":{{Str(wildcard)}}}]}""", $$"""{"x":{{Str(filled)}}}""");
        });

    [Property(MaxTest = 1000)]
    public Property An_ipv4_block_matches_exactly_the_addresses_sharing_its_leading_bits() =>
        Prop.ForAll((from network in ArbMap.Default.GeneratorFor<uint>() from address in ArbMap.Default.GeneratorFor<uint>() from bits in Gen.Choose(0, 31) select (network, address, bits)).ToArbitrary(), t =>
        {
            var (network, address, bits) = t;
            var mask = bits == 0 ? 0u : uint.MaxValue << (32 - bits);
            var inside = (network & mask) == (address & mask);
            return Matches($$"""{"ip":[{"cidr":"{{Ip(network)}}/{{bits}}"}]}""", $$"""{"ip":"{{Ip(address)}}"}""") == inside;
        });

    [Property(MaxTest = 500)]
    public Property A_field_holding_an_array_matches_exactly_when_one_of_its_elements_would() =>
        Prop.ForAll(Gen.Zip(LeafAlternatives, EventPatternGenerators.Scalar.ArrayOf().Resize(4)).ToArbitrary(), t =>
        {
            var (alternatives, elements) = t;
            var pattern = $$"""{"x":{{alternatives}}}""";
            return Matches(pattern, $$"""{"x":[{{string.Join(",", elements)}}]}""")
                == elements.Any(e => Matches(pattern, $$"""{"x":{{e}}}"""));
        });

    private static readonly Gen<string> StringOrNumber = Gen.OneOf(
        EventPatternGenerators.Text.Select(Str),
        Gen.Choose(-3, 3).Select(n => n.ToString(System.Globalization.CultureInfo.InvariantCulture)));

    private static readonly Gen<string> LeafAlternatives = Gen.Elements(
        """["a"]""", """[1]""", """[null,true]""", """[{"prefix":"a"}]""", """[{"numeric":[">",0]}]""",
        """[{"anything-but":"a"}]""", """[{"suffix":"B"},1.0]""", """[{"equals-ignore-case":"A"}]""");

    private static readonly Gen<string> Field = Gen.Elements("a", "b", "c");

    private static readonly Gen<string> Branch = Gen.Zip(Field, LeafAlternatives).ListOf().Resize(2).Where(fields => fields.Count > 0)
        .Select(fields => "{" + string.Join(",", fields.DistinctBy(f => f.Item1).Select(f => $"\"{f.Item1}\":{f.Item2}")) + "}");

    private static readonly Gen<string> SmallEvent = Gen.Zip(Field, EventPatternGenerators.Scalar).ListOf().Resize(3)
        .Select(fields => "{" + string.Join(",", fields.DistinctBy(f => f.Item1).Select(f => $$"""{{Str(f.Item1)}}:{{f.Item2}}""")) + "}");

    private static readonly Gen<string[]> WildcardPattern = EventPatternGenerators.Text.ListOf().Resize(3)
        .Where(parts => parts.Count > 0)
        .Select(parts => parts.Select(Decoded).ToArray())
        .Where(parts => parts.Skip(1).SkipLast(1).All(p => p.Length > 0));

    /// <summary>The text as it reads back from JSON (lone surrogates become U+FFFD when written).</summary>
    private static string Decoded(string text)
    {
        using var document = System.Text.Json.JsonDocument.Parse(Str(text));
        return document.RootElement.GetString()!;
    }

    private static string Ip(uint value) =>
        new IPAddress([(byte)(value >> 24), (byte)(value >> 16), (byte)(value >> 8), (byte)value]).ToString();
}
