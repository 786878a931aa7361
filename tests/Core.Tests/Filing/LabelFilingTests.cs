using System.Text;

using ContinuousImprovement.Core.Filing;
using ContinuousImprovement.Core.Storage;
using ContinuousImprovement.Core.Text;

using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace ContinuousImprovement.Core.Tests.Filing;

public sealed class LabelFilingTests
{
    private static readonly S3ObjectRef Image = new("my-bucket", "images_for_detection/inference-image-1.png", ETag: "d41d8cd98f00b204e9800998ecf8427e");

    [Fact]
    public void Plan_puts_the_plain_file_name_first_then_a_hashed_name_then_numbered_ones()
    {
        Assert.True(LabelFiling.TryPlan(Image, " T-shirt/top ", null, out var plan, out var error), error);

        Assert.Equal("T-shirt/top", plan.Label);
        Assert.Equal("T-shirt%2Ftop", plan.Folder);
        Assert.Equal(2 + LabelFiling.NumberedVariants, plan.CandidateKeys.Count);
        Assert.Equal("images_labeled_by_folder/T-shirt%2Ftop/inference-image-1.png", plan.CandidateKeys[0]);
        Assert.Matches("^images_labeled_by_folder/T-shirt%2Ftop/inference-image-1-[0-9a-f]{12}\\.png$", plan.CandidateKeys[1]);
        var hash = plan.CandidateKeys[1][^16..^4];
        Assert.Equal($"images_labeled_by_folder/T-shirt%2Ftop/inference-image-1-{hash}-2.png", plan.CandidateKeys[2]);
        Assert.Equal($"images_labeled_by_folder/T-shirt%2Ftop/inference-image-1-{hash}-9.png", plan.CandidateKeys[^1]);
    }

    [Fact]
    public void The_hash_tells_uploads_of_the_same_key_apart()
    {
        var first = LabelFiling.CandidateKeys(Image, "cat")[1];
        var second = LabelFiling.CandidateKeys(Image with { ETag = "0cc175b9c0f1b6a831c399e269772661" }, "cat")[1];
        var sameAgain = LabelFiling.CandidateKeys(Image with { }, "cat")[1];

        Assert.NotEqual(first, second);
        Assert.Equal(first, sameAgain);
    }

    [Theory]
    [InlineData("None of the Above")]
    [InlineData(" none of the above")]
    [InlineData("\uFF2E\uFF2F\uFF2E\uFF25\u3000\uFF2F\uFF26\u3000\uFF34\uFF28\uFF25\u3000\uFF21\uFF22\uFF2F\uFF36\uFF25")]
    [InlineData("\u3000\uFF4E\uFF4F\uFF4E\uFF45 of the above\u00A0")]
    public void Reject_answers_are_never_planned_as_a_class(string label)
    {
        Assert.False(LabelFiling.TryPlan(Image, label, null, out var plan, out var error));
        Assert.Null(plan);
        Assert.Contains("is a reject answer: it is recorded with the review, never filed as a class", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Configured_reject_labels_replace_the_default_when_planning()
    {
        Assert.False(LabelFiling.TryPlan(Image, "unclear", ["Unclear"], out _, out _));
        Assert.True(LabelFiling.TryPlan(Image, "None of the Above", ["Unclear"], out var plan, out _));
        Assert.Equal("None of the Above", plan.Folder);
    }

    [Theory]
    [InlineData("../cat", "\"..\"")]
    [InlineData("\uFF0E\uFF0E\uFF0Fcat", "\"..\"")]
    [InlineData("\uFF0E\uFF0E", "\"..\"")]
    [InlineData("\u2025", "\"..\"")]
    [InlineData("cat\uFF3C\uFF0E", "\".\"")]
    [InlineData("\uFF0Fetc", "path separator")]
    public void A_label_that_normalizes_to_a_path_is_refused_by_the_plan_naming_the_label(string label, string said)
    {
        Assert.False(LabelFiling.TryPlan(Image, label, null, out var plan, out var error));

        Assert.Null(plan);
        Assert.StartsWith($"label {Printable.Quote(label)}", error, StringComparison.Ordinal);
        Assert.Contains(said, error, StringComparison.Ordinal);
        Assert.Contains("not a path", error, StringComparison.Ordinal);
        Assert.Equal(error, LabelFiling.WhyRefused(label, null));
    }

    [Theory]
    [InlineData("None of the Above", "is a reject answer")]
    [InlineData("\uFF2E\uFF2F\uFF2E\uFF25 of the above", "is a reject answer")]
    [InlineData("../cat", "not a path")]
    [InlineData("a\u0000b", "U+0000")]
    public void Why_refused_gives_the_error_the_plan_would_without_an_image(string label, string said)
    {
        Assert.False(LabelFiling.TryPlan(Image, label, null, out _, out var error));

        Assert.Contains(said, LabelFiling.WhyRefused(label, null), StringComparison.Ordinal);
        Assert.Equal(error, LabelFiling.WhyRefused(label, null));
    }

    [Theory]
    [InlineData("cat")]
    [InlineData("T-shirt\uFF0Ftop")]
    [InlineData("\uFF0E\uFF0E\uFF0E")]
    [InlineData("v1\uFF0E2")]
    public void Labels_that_only_look_like_dots_or_slashes_inside_a_name_are_still_planned(string label)
    {
        Assert.Null(LabelFiling.WhyRefused(label, null));
        Assert.True(LabelFiling.TryPlan(Image, label, null, out var plan, out var error), error);
        Assert.DoesNotContain('/', plan.Folder);
    }

    [Property(MaxTest = 1000)]
    public Property A_configured_reject_answer_retyped_in_fullwidth_other_case_or_padded_is_never_planned() =>
        Prop.ForAll(LabelGenerators.RetypedReject.ToArbitrary(), LabelGenerators.RetypedReject.ToArbitrary(), (reject, other) =>
        {
            string[] configured = [other.Phrase, reject.Phrase];
            var planned = LabelFiling.TryPlan(Image, reject.Retyped, configured, out _, out _);
            // A blank answer is no answer (never a reject, never filed either).
            var recognized = RejectLabels.IsReject(reject.Retyped, configured) || reject.Retyped.Trim().Length == 0;
            return (!planned && recognized)
                .Label($"{Printable.Quote(reject.Retyped)} retyped from {Printable.Quote(reject.Phrase)}: planned={planned}");
        });

    [Property(MaxTest = 2000)]
    public Property No_label_that_normalizes_to_a_path_is_ever_planned() =>
        Prop.ForAll(LabelGenerators.PathLikeCandidate.ToArbitrary(), label =>
        {
            var planned = LabelFiling.TryPlan(Image, label, null, out var plan, out var error);
            var readsAsPath = LabelNormalization.TryNormalize(label, out var normalized, out _) && ReadsAsPath(normalized);
            return (readsAsPath
                    ? !planned && error.Contains("not a path", StringComparison.Ordinal)
                    : !planned || !ReadsAsPath(plan!.Label))
                .Classify(readsAsPath, "reads as a path")
                .Label($"{Printable.Quote(label)}: planned={planned}, error={error}");
        });

    /// <summary>The path rule, restated here so the property does not grade Core with its own code.</summary>
    private static bool ReadsAsPath(string text)
    {
        var trimmed = text.Trim();
        return trimmed.StartsWith('/') || trimmed.StartsWith('\\')
            || trimmed.Split('/', '\\').Any(part => part.Trim() is "." or "..");
    }

    [Fact]
    public void An_unusable_label_is_not_planned_and_the_error_says_why()
    {
        Assert.False(LabelFiling.TryPlan(Image, "a\u0000b", null, out _, out var error));
        Assert.Contains("U+0000", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Choose_takes_the_first_free_key()
    {
        var keys = LabelFiling.CandidateKeys(Image, "cat");
        var existing = new Dictionary<string, string> { [keys[0]] = "\"other\"", [keys[1]] = "another" };

        var decision = LabelFiling.Choose(keys, Image.ETag, existing.GetValueOrDefault);

        Assert.Equal(new FilingDecision.FileTo(keys[2]), decision);
    }

    [Fact]
    public void Choose_reports_already_filed_when_a_candidate_holds_the_same_etag_so_refiling_is_idempotent()
    {
        var keys = LabelFiling.CandidateKeys(Image, "cat");
        var existing = new Dictionary<string, string> { [keys[0]] = "\"other\"", [keys[1]] = $"\"{Image.ETag}\"" };

        Assert.Equal(new FilingDecision.AlreadyFiled(keys[1]), LabelFiling.Choose(keys, Image.ETag, existing.GetValueOrDefault));
        Assert.Equal(new FilingDecision.AlreadyFiled(keys[1]), LabelFiling.Choose(keys, Image.ETag!.ToUpperInvariant(), existing.GetValueOrDefault));
    }

    [Fact]
    public void Filing_twice_lands_on_one_key()
    {
        Assert.True(LabelFiling.TryPlan(Image, "cat", null, out var plan, out _));
        var bucket = new Dictionary<string, string> { [plan.CandidateKeys[0]] = "someone-else" };

        var first = Assert.IsType<FilingDecision.FileTo>(plan.Choose(bucket.GetValueOrDefault));
        bucket[first.Key] = Image.ETag!;
        var second = plan.Choose(bucket.GetValueOrDefault);

        Assert.Equal(new FilingDecision.AlreadyFiled(first.Key), second);
    }

    [Fact]
    public void An_unknown_image_etag_never_counts_as_already_filed()
    {
        var keys = LabelFiling.CandidateKeys(Image, "cat");

        var decision = LabelFiling.Choose(keys, null, key => key == keys[0] ? "\"\"" : null);

        Assert.Equal(new FilingDecision.FileTo(keys[1]), decision);
    }

    [Fact]
    public void Choose_never_overwrites_and_says_so_when_every_candidate_is_taken()
    {
        var keys = LabelFiling.CandidateKeys(Image, "cat");

        var decision = Assert.IsType<FilingDecision.NoFreeKey>(LabelFiling.Choose(keys, Image.ETag, _ => "other"));

        Assert.Equal(keys, decision.Candidates);
    }

    [Theory]
    [InlineData("images_for_detection/", "")]
    [InlineData("images_for_detection/.", "")]
    [InlineData("images_for_detection/..", "")]
    [InlineData("images_for_detection/   ", "")]
    [InlineData("images_for_detection/a\u0001b.png", ".png")]
    [InlineData("images_for_detection/a\\b.jpeg", ".jpeg")]
    [InlineData("images_for_detection/\u0001.p\u00F1g", "")]
    public void Unsafe_file_names_are_replaced_by_a_derived_name_keeping_a_plain_extension(string key, string extension)
    {
        var name = LabelFiling.SafeFileName(Image with { Key = key });

        Assert.Matches($"^image-[0-9a-f]{{16}}{System.Text.RegularExpressions.Regex.Escape(extension)}$", name);
    }

    [Fact]
    public void A_file_name_with_an_unpaired_surrogate_is_replaced()
    {
        var name = LabelFiling.SafeFileName(Image with { Key = "images_for_detection/" + (char)0xD800 + ".png" });

        Assert.Matches("^image-[0-9a-f]{16}\\.png$", name);
    }

    [Theory]
    [InlineData("images_for_detection/x.png", "x.png")]
    [InlineData("images_for_detection/.hidden.png", ".hidden.png")]
    [InlineData("images_for_detection/...", "...")]
    [InlineData("images_for_detection/日本 語.jpg", "日本 語.jpg")]
    [InlineData("x", "x")]
    public void Safe_file_names_are_kept(string key, string expected) =>
        Assert.Equal(expected, LabelFiling.SafeFileName(Image with { Key = key }));

    [Fact]
    public void A_file_name_too_long_for_the_key_limit_is_cut_and_keeps_its_extension()
    {
        var image = Image with { Key = "images_for_detection/" + new string('\u00E9', 495) + ".png" };
        Assert.True(LabelFolder.TryEncode(new string('\u65E5', 56), out var folder, out _));

        var keys = LabelFiling.CandidateKeys(image, folder);

        Assert.Equal(1 + LabelFiling.NumberedVariants, keys.Count);
        Assert.All(keys, k => Assert.True(Encoding.UTF8.GetByteCount(k) <= LabelFiling.MaxKeyBytes, k));
        Assert.All(keys, k => Assert.EndsWith(".png", k, StringComparison.Ordinal));
        Assert.StartsWith($"images_labeled_by_folder/{folder}/\u00E9\u00E9", keys[0], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("a/b")]
    [InlineData("..")]
    [InlineData("")]
    [InlineData("%2f")]
    public void Candidate_keys_refuse_a_folder_that_encoding_never_produces(string folder) =>
        Assert.Throws<ArgumentException>(() => LabelFiling.CandidateKeys(Image, folder));

    [Property(MaxTest = 1000)]
    public Property Candidate_keys_stay_under_the_label_prefix_are_distinct_and_fit_s3() =>
        Prop.ForAll(LabelGenerators.AnyImage.ToArbitrary(), LabelGenerators.AnyLabel.ToArbitrary(), (image, label) =>
        {
            if (!LabelFiling.TryPlan(image, label, null, out var plan, out var error))
            {
                return error.Length > 0;
            }

            var directory = $"{BucketLayout.LabeledImages}{plan.Folder}/";
            return plan.CandidateKeys.Count >= 1 + LabelFiling.NumberedVariants
                && plan.CandidateKeys.Distinct(StringComparer.Ordinal).Count() == plan.CandidateKeys.Count
                && plan.CandidateKeys.All(k =>
                    k.StartsWith(directory, StringComparison.Ordinal)
                    && k.Length > directory.Length
                    && !k[directory.Length..].Contains('/', StringComparison.Ordinal)
                    && k[directory.Length..] is not "." and not ".."
                    && Encoding.UTF8.GetByteCount(k) <= LabelFiling.MaxKeyBytes);
        });

    [Property(MaxTest = 500)]
    public Property Choose_returns_a_candidate_that_is_free_or_holds_the_same_image() =>
        Prop.ForAll(LabelGenerators.AnyImage.ToArbitrary(), Gen.Choose(0, 1 << 12).ToArbitrary(), (image, occupancy) =>
        {
            var keys = LabelFiling.CandidateKeys(image, "cat");
            string? Existing(string key)
            {
                var i = keys.ToList().IndexOf(key);
                return ((occupancy >> i) & 1) == 1 ? (i % 3 == 0 ? image.ETag : "other") : null;
            }

            return LabelFiling.Choose(keys, image.ETag, Existing) switch
            {
                FilingDecision.FileTo f => Existing(f.Key) is null,
                FilingDecision.AlreadyFiled a => ETags.Same(Existing(a.Key), image.ETag),
                FilingDecision.NoFreeKey => keys.All(k => Existing(k) is not null && !ETags.Same(Existing(k), image.ETag)),
                _ => false,
            };
        });
}
