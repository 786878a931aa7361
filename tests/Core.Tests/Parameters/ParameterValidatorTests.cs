using ContinuousImprovement.Core.Parameters;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace ContinuousImprovement.Core.Tests.Parameters;

public sealed class ParameterValidatorTests
{
    private static readonly ParameterCatalog Catalog = ParameterCatalog.Default;

    [Theory]
    [InlineData("true", true)]
    [InlineData("TRUE", true)]
    [InlineData(" False ", false)]
    public void Booleans_accept_true_and_false_in_any_case(string raw, bool expected) =>
        Assert.Equal(new BooleanValue(expected), Catalog.Check("Enable-Automatic-Training", raw).Value);

    [Theory]
    [InlineData("yes")]
    [InlineData("1")]
    [InlineData("")]
    public void Booleans_reject_anything_else(string raw) =>
        Assert.Equal(
            $"Enable-Automatic-Training = '{raw}' is not valid: it is not true or false; allowed: true or false.",
            Catalog.Check("Enable-Automatic-Training", raw).Error);

    [Theory]
    [InlineData("1", 1)]
    [InlineData("1000000", 1000000)]
    [InlineData(" 50 ", 50)]
    [InlineData("+7", 7)]
    public void Integers_within_range_are_valid(string raw, long expected) =>
        Assert.Equal(new IntegerValue(expected), Catalog.Check("Minimum-Untrained-Images", raw).Value);

    [Theory]
    [InlineData("0", "it is out of range")]
    [InlineData("1000001", "it is out of range")]
    [InlineData("-5", "it is out of range")]
    [InlineData("1.5", "it is not a whole number")]
    [InlineData("ten", "it is not a whole number")]
    [InlineData("99999999999999999999", "it is not a whole number")]
    public void Integers_outside_range_or_not_whole_are_rejected_naming_the_range(string raw, string reason)
    {
        var error = Catalog.Check("Minimum-Untrained-Images", raw).Error;

        Assert.Equal($"Minimum-Untrained-Images = '{raw}' is not valid: {reason}; allowed: a whole number from 1 to 1000000 (images).", error);
    }

    [Theory]
    [InlineData("0", 0)]
    [InlineData("1", 1)]
    [InlineData("0.85", 0.85)]
    [InlineData(".5", 0.5)]
    [InlineData(" 0.8 ", 0.8)]
    public void Numbers_within_range_are_valid(string raw, double expected) =>
        Assert.Equal(new NumberValue(expected), Catalog.Check("Minimum-F1-Score", raw).Value);

    [Theory]
    [InlineData("1.7", "it is out of range")]
    [InlineData("-0.1", "it is out of range")]
    [InlineData("NaN", "it is not a number")]
    [InlineData("Infinity", "it is not a number")]
    [InlineData("1e-1", "it is not a number")]
    [InlineData("0,8", "it is not a number")]
    [InlineData("80%", "it is not a number")]
    public void Numbers_outside_range_or_malformed_are_rejected(string raw, string reason) =>
        Assert.Equal(
            $"Minimum-F1-Score = '{raw}' is not valid: {reason}; allowed: a number from 0 to 1 (F1).",
            Catalog.Check("Minimum-F1-Score", raw).Error);

    [Fact]
    public void Choices_match_case_insensitively_and_keep_the_catalog_spelling() =>
        Assert.Equal(new ChoiceValue("a2i"), Catalog.Check("Review-Backend", " A2I ").Value);

    [Fact]
    public void Choices_outside_the_allowed_values_name_them() =>
        Assert.Equal(
            "Review-Backend = 'mturk' is not valid: it is not one of the allowed values; allowed: one of portal, a2i.",
            Catalog.Check("Review-Backend", "mturk").Error);

    [Fact]
    public void Lists_are_trimmed_deduplicated_and_canonical()
    {
        var value = Catalog.Check("Sampling-Strategies", " Margin, entropy,,margin ,below-threshold").Value;

        Assert.Equal(new ListValue(["margin", "entropy", "below-threshold"]), value);
        Assert.Equal("margin,entropy,below-threshold", value!.Canonical);
    }

    [Fact]
    public void An_empty_list_is_valid_and_means_none() =>
        Assert.Equal(new ListValue([]), Catalog.Check("Sampling-Strategies", " ").Value);

    [Fact]
    public void A_list_item_that_is_not_allowed_is_named_in_the_error() =>
        Assert.StartsWith(
            "Sampling-Strategies = 'margin,entorpy' is not valid: 'entorpy' is not one of the allowed values; allowed: comma-separated, any of below-threshold,",
            Catalog.Check("Sampling-Strategies", "margin,entorpy").Error,
            StringComparison.Ordinal);

    [Fact]
    public void Notification_lists_allow_exactly_the_catalog_event_kinds()
    {
        Assert.Equal(Catalog.EventKinds.Select(k => k.Name), Catalog["Notify-Immediately"].AllowedValues);
        Assert.True(Catalog.Check("Notify-In-Digest", "model-deployed,drift-detected").IsValid);
        Assert.False(Catalog.Check("Notify-In-Digest", "model-exploded").IsValid);
    }

    [Fact]
    public void Text_lists_keep_free_text_but_reject_control_characters_and_overlong_items()
    {
        Assert.Equal(new ListValue(["None of the Above", "Unclear"]), Catalog.Check("Review-Reject-Labels", "None of the Above, Unclear, none of the above").Value);
        Assert.Contains("control character", Catalog.Check("Review-Reject-Labels", "a\u0007b").Error, StringComparison.Ordinal);
        Assert.Contains("longer than 128", Catalog.Check("Review-Reject-Labels", new string('x', 129)).Error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_value_is_an_error()
    {
        Assert.Equal(
            "Minimum-F1-Score is not valid: the parameter is missing; allowed: a number from 0 to 1 (F1).",
            Catalog.Check("Minimum-F1-Score", null).Error);
    }

    [Fact]
    public void Values_longer_than_parameter_store_allows_are_rejected_and_shown_shortened()
    {
        var error = Catalog.Check("Minimum-F1-Score", new string('9', 5000)).Error!;

        Assert.Contains("longer than 4096 characters", error, StringComparison.Ordinal);
        Assert.Contains(new string('9', 80) + "…(+4920 chars)'", error, StringComparison.Ordinal);
        Assert.True(error.Length < 300);
    }

    [Fact]
    public void Control_characters_in_a_bad_value_are_escaped_in_the_message() =>
        Assert.Contains("'0.5\\u{000A}\\u{001B}[31m'", Catalog.Check("Minimum-F1-Score", "0.5\n\u001b[31m").Error, StringComparison.Ordinal);

    [Fact]
    public void Unknown_parameter_names_are_errors_that_list_the_known_ones()
    {
        var check = Catalog.Check("Minimum-F1-Scroe", "0.5");

        Assert.False(check.IsValid);
        Assert.StartsWith("Minimum-F1-Scroe is not a known parameter; known: Enable-Automatic-Training,", check.Error, StringComparison.Ordinal);
    }

    [Property(MaxTest = 300)]
    public bool Any_text_for_any_parameter_gives_a_value_or_an_error_naming_the_parameter(NonNull<string> raw, PositiveInt pick)
    {
        var definition = Catalog.Parameters[pick.Get % Catalog.Parameters.Count];
        var check = ParameterValidator.Check(definition, raw.Get);
        return check.IsValid ? check.Value is not null : check.Error!.StartsWith(definition.Name, StringComparison.Ordinal);
    }

    [Property(MaxTest = 300)]
    public bool A_canonical_value_validates_to_itself(NonNull<string> raw, PositiveInt pick)
    {
        var definition = Catalog.Parameters[pick.Get % Catalog.Parameters.Count];
        var value = ParameterValidator.Check(definition, raw.Get).Value;
        return value is null || ParameterValidator.Check(definition, value.Canonical).Value == value;
    }

    [Property]
    public Property Every_number_in_range_is_accepted_exactly()
    {
        var definition = Catalog["Minimum-Label-Detection-Confidence"];
        return Prop.ForAll(
            Gen.Choose(0, 1_000_000).Select(i => i / 10_000.0).ToArbitrary(),
            value => ParameterValidator.Check(definition, value.ToString("R")).Value == new NumberValue(value));
    }

    [Property]
    public Property Integers_are_valid_exactly_inside_their_range()
    {
        var definition = Catalog["Automatic-Training-Poll-Frequency"];
        return Prop.ForAll(
            Gen.Choose(-20_000, 20_000).ToArbitrary(),
            value => ParameterValidator.Check(definition, value.ToString()).IsValid == value is >= 5 and <= 10080);
    }
}
