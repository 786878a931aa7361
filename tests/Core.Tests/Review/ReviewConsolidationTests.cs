using ContinuousImprovement.Core.Filing;
using ContinuousImprovement.Core.Review;
using ContinuousImprovement.Core.Storage;
using ContinuousImprovement.Core.Tests.Filing;
using ContinuousImprovement.Core.Text;

using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace ContinuousImprovement.Core.Tests.Review;

public sealed class ReviewConsolidationTests
{
    private static readonly S3ObjectRef Image = new("b", "images_for_detection/x.png", ETag: "e1");

    [Theory]
    [InlineData("a|a|b", "Labeled { Label = a }")]
    [InlineData("a", "Labeled { Label = a }")]
    [InlineData("a|b", "Tie(a,b)")]
    [InlineData("b|a|c", "Tie(a,b,c)")]
    [InlineData("a|b|b|a|c", "Tie(a,b)")]
    [InlineData(" a |a|b", "Labeled { Label = a }")]
    [InlineData("Cat|cat|cat", "Labeled { Label = cat }")]
    [InlineData("Cat|cat", "Tie(Cat,cat)")]
    [InlineData("None of the Above|none of the above |a", "Rejected { Answer = None of the Above }")]
    [InlineData("None of the Above|ＮＯＮＥ　ＯＦ　ＴＨＥ　ＡＢＯＶＥ|cat", "Rejected { Answer = None of the Above }")]
    [InlineData("None of the Above|None of the Above|none of the above|cat|cat", "Rejected { Answer = None of the Above }")]
    [InlineData("None of the Above|None of the Above|a", "Rejected { Answer = None of the Above }")]
    [InlineData("a|None of the Above|None of the Above|a|a", "Labeled { Label = a }")]
    [InlineData("a|None of the Above", "Tie(None of the Above,a)")]
    [InlineData("ｃａｔ|cat |dog", "Labeled { Label = cat }")]
    [InlineData("T-shirt／top|T-shirt/top|Dress|Dress ", "Tie(Dress,T-shirt/top)")]
    public void Single_select_picks_the_label_with_strictly_most_votes(string answers, string expected)
    {
        var review = ReviewConsolidation.Consolidate(Review(answers.Split('|').Select(Single).ToArray()));

        Assert.Equal(expected, ReviewText.Describe(review.Outcome));
        Assert.False(review.MultiSelect);
    }

    [Fact]
    public void Votes_are_counted_per_trimmed_label_most_first_for_the_log()
    {
        var review = ReviewConsolidation.Consolidate(Review(Single("b"), Single(" a"), Single("a "), Single("c"), Single("b"), Single("a")));

        Assert.Equal([new LabelVotes("a", 3), new LabelVotes("b", 2), new LabelVotes("c", 1)], review.Votes);
        Assert.Equal(6, review.Workers);
    }

    [Fact]
    public void Single_select_answers_without_a_label_abstain()
    {
        var review = ReviewConsolidation.Consolidate(Review(Single("a"), NoLabel(), NoLabel(), Single("   ")));

        Assert.Equal(new ConsolidationOutcome.Labeled("a"), review.Outcome);
        Assert.Equal(3, review.AnswersWithoutLabel);
        Assert.Equal(4, review.Workers);
    }

    [Theory]
    [InlineData("a,b|a|b,c", "MultiLabeled(a,b)")]
    [InlineData("a,b", "MultiLabeled(a,b)")]
    [InlineData("a|b", "NoConsensus(a,b)")]
    [InlineData("a,a|b", "NoConsensus(a,b)")]
    [InlineData("a|a|", "MultiLabeled(a)")]
    [InlineData("a||", "NoConsensus(a)")]
    [InlineData("a,None of the Above|None of the Above|a", "Rejected { Answer = None of the Above }")]
    [InlineData("a,None of the Above|a|b", "MultiLabeled(a)")]
    [InlineData(" b , a |a|b", "MultiLabeled(a,b)")]
    [InlineData("ｃａｔ,dog|cat|bird", "MultiLabeled(cat)")]
    [InlineData("ｃａｔ,cat|dog|bird", "NoConsensus(bird,cat,dog)")]
    public void Multi_select_keeps_each_label_chosen_by_more_than_half_of_the_workers(string answers, string expected)
    {
        var review = ReviewConsolidation.Consolidate(Review(answers.Split('|').Select(a => Multi(a.Length == 0 ? [] : a.Split(','))).ToArray()));

        Assert.Equal(expected, ReviewText.Describe(review.Outcome));
        Assert.True(review.MultiSelect);
    }

    [Fact]
    public void A_repeated_label_in_one_answer_counts_once()
    {
        var review = ReviewConsolidation.Consolidate(Review(Multi("a", "a", " a"), Multi("b")));

        Assert.Equal([new LabelVotes("a", 1), new LabelVotes("b", 1)], review.Votes);
    }

    [Fact]
    public void Single_label_answers_mixed_with_multi_select_count_as_one_label_selections()
    {
        var review = ReviewConsolidation.Consolidate(Review(Single("a"), Multi("a", "b"), Multi("c")));

        Assert.Equal("MultiLabeled(a)", ReviewText.Describe(review.Outcome));
    }

    [Fact]
    public void Custom_reject_labels_replace_the_default()
    {
        var output = Review(Single("Not a logo"), Single("Not a logo"));

        Assert.Equal(new ConsolidationOutcome.Rejected("not a LOGO"), ReviewConsolidation.Consolidate(output, ["not a LOGO"]).Outcome);
        Assert.Equal(new ConsolidationOutcome.Labeled("Not a logo"), ReviewConsolidation.Consolidate(output).Outcome);
    }

    [Fact]
    public void A_fullwidth_reject_answer_is_rejected_in_single_and_multi_select()
    {
        const string fullwidth = "\uFF2E\uFF2F\uFF2E\uFF25\u3000\uFF2F\uFF26\u3000\uFF34\uFF28\uFF25\u3000\uFF21\uFF22\uFF2F\uFF36\uFF25";

        // Reported as the configured phrase it matched.
        Assert.Equal(new ConsolidationOutcome.Rejected("None of the Above"), ReviewConsolidation.Consolidate(Review(Single(fullwidth), Single(fullwidth), Single("a"))).Outcome);
        Assert.Equal(new ConsolidationOutcome.Rejected("None of the Above"), ReviewConsolidation.Consolidate(Review(Multi("a", fullwidth), Multi(fullwidth), Multi("b"))).Outcome);
        Assert.Equal(new ConsolidationOutcome.Rejected("\uFF35\uFF4E\uFF43\uFF4C\uFF45\uFF41\uFF52"), ReviewConsolidation.Consolidate(Review(Single("unclear")), ["\uFF35\uFF4E\uFF43\uFF4C\uFF45\uFF41\uFF52"]).Outcome);
    }

    [Fact]
    public void A_blank_answer_is_no_vote_even_when_the_reject_list_holds_a_blank_phrase()
    {
        var outcome = ReviewConsolidation.Consolidate(Review(Single("\t\u3000\t"), Single("\t\u3000\t"), Single("a")), [" ", "Other"]).Outcome;

        Assert.Equal(new ConsolidationOutcome.Labeled("a"), outcome);
        Assert.False(RejectLabels.IsReject(" ", [" "]));
    }

    [Property(MaxTest = 500)]
    public Property A_configured_reject_answer_retyped_in_fullwidth_other_case_or_padded_is_rejected() =>
        Prop.ForAll(LabelGenerators.RetypedReject.ToArbitrary(), reject =>
        {
            var outcome = ReviewConsolidation.Consolidate(Review(Single(reject.Retyped), Single(reject.Retyped), Single("\uFF41")), ["Other", reject.Phrase]).Outcome;
            // The fullwidth "ａ" votes as "a"; a retyped reject votes as the configured phrase it matches.
            var expected = reject.Retyped.Trim().Length == 0
                ? (ConsolidationOutcome)new ConsolidationOutcome.Labeled("a")
                : new ConsolidationOutcome.Rejected(reject.Phrase);
            return (outcome == expected).Label($"{Printable.Quote(reject.Retyped)} from {Printable.Quote(reject.Phrase)}: {ReviewText.Describe(outcome)}");
        });

    [Fact]
    public void No_answers_and_unlabeled_answers_are_their_own_outcomes()
    {
        Assert.Equal(new ConsolidationOutcome.NoAnswer(), ReviewConsolidation.Consolidate(Review()).Outcome);
        Assert.Equal(new ConsolidationOutcome.Unlabeled(2), ReviewConsolidation.Consolidate(Review(NoLabel(), Single(""))).Outcome);
    }

    internal static ReviewOutput Review(params WorkerAnswer[] answers) => new("hl-1", null, Image, "cat", 40.0, answers);

    internal static WorkerAnswer Single(string label) => new("w", [label], null, AnswerKind.SingleLabel);

    internal static WorkerAnswer Multi(params string[] labels) => new("w", labels, null, AnswerKind.MultiLabel);

    internal static WorkerAnswer NoLabel() => new("w", [], null, AnswerKind.NoLabel);
}
