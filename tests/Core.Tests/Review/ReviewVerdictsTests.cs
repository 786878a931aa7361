using ContinuousImprovement.Core.Review;

namespace ContinuousImprovement.Core.Tests.Review;

public sealed class ReviewVerdictsTests
{
    [Fact]
    public void A_labeled_review_files_the_task_object_under_the_winning_label()
    {
        var review = ReviewConsolidation.Consolidate(ReviewConsolidationTests.Review(
            ReviewConsolidationTests.Single(" dog "), ReviewConsolidationTests.Single("dog"), ReviewConsolidationTests.Single("cat")));

        var file = Assert.IsType<ReviewVerdict.File>(ReviewVerdicts.From(review));

        Assert.Equal(["dog"], file.Labels);
        Assert.Equal("images_for_detection/x.png", file.Image.Key);
        Assert.Equal("e1", file.Image.ETag);
        Assert.Equal("hl-1", file.HumanLoopName);
    }

    [Fact]
    public void A_labeled_review_without_a_task_object_asks_an_operator()
    {
        var review = ReviewConsolidation.Consolidate(
            ReviewConsolidationTests.Review(ReviewConsolidationTests.Single("dog")) with { TaskObject = null });

        var notify = Assert.IsType<ReviewVerdict.NotifyOperator>(ReviewVerdicts.From(review));
        Assert.Contains("no inputContent.taskObject", notify.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_rejected_review_is_recorded_with_the_answer_and_the_votes()
    {
        var review = ReviewConsolidation.Consolidate(ReviewConsolidationTests.Review(
            ReviewConsolidationTests.Single("None of the Above"), ReviewConsolidationTests.Single("None of the Above"), ReviewConsolidationTests.Single("cat")));

        var record = Assert.IsType<ReviewVerdict.RecordOnly>(ReviewVerdicts.From(review));
        Assert.Equal("human loop \"hl-1\": reviewers answered \"None of the Above\", a reject answer; recorded, not filed "
            + "(\"None of the Above\": 2, \"cat\": 1)", record.Reason);
    }

    [Fact]
    public void A_tie_is_recorded_naming_the_candidates()
    {
        var review = ReviewConsolidation.Consolidate(ReviewConsolidationTests.Review(
            ReviewConsolidationTests.Single("dog"), ReviewConsolidationTests.Single("cat")));

        var record = Assert.IsType<ReviewVerdict.RecordOnly>(ReviewVerdicts.From(review));
        Assert.Contains("tied between \"cat\", \"dog\"", record.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void No_multi_select_consensus_is_recorded()
    {
        var review = ReviewConsolidation.Consolidate(ReviewConsolidationTests.Review(
            ReviewConsolidationTests.Multi("dog"), ReviewConsolidationTests.Multi("cat")));

        var record = Assert.IsType<ReviewVerdict.RecordOnly>(ReviewVerdicts.From(review));
        Assert.Contains("more than half of 2 workers", record.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unreadable_document_asks_an_operator_with_the_parse_error()
    {
        var error = ReviewOutputParser.Parse("[]").Error!;

        var notify = Assert.IsType<ReviewVerdict.NotifyOperator>(ReviewVerdicts.Unreadable("s3://b/review_output/o.json", error));

        Assert.Equal("s3://b/review_output/o.json could not be read: review output must be a JSON object, found an array", notify.Reason);
    }
}
