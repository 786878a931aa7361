using ContinuousImprovement.Core.Ports;
using ContinuousImprovement.Core.Review;
using ContinuousImprovement.Core.Sampling;
using ContinuousImprovement.Core.Storage;
using ContinuousImprovement.Local.Adapters;
using ContinuousImprovement.Workflows.Tests.Twin;

namespace ContinuousImprovement.Workflows.Tests.Adapters;

public sealed class LocalHumanReviewTests : IDisposable
{
    private static readonly S3ObjectRef Image = new("photos", "images_for_detection/a b.png", "v1", "etag1");
    private readonly TempFolder folder = new();
    private readonly LocalHumanReview review;

    public LocalHumanReviewTests() => review = new LocalHumanReview(folder["reviews"]);

    public void Dispose() => folder.Dispose();

    private static ReviewRequest Request(params string[] labels) =>
        new(HumanLoopName.For(Image), Image, labels, new Prediction([new LabelConfidence("cat", 41.7)]), ["below-threshold: top confidence 41.7 < 70 (cat)"]);

    [Fact]
    public async Task Starting_a_loop_writes_an_open_loop_the_portal_lists()
    {
        var started = await review.StartAsync(Request("cat", "dog", "None of the Above"), default);

        Assert.Equal(ReviewStart.Started, started);
        var loop = Assert.Single(review.OpenLoops());
        Assert.Equal((HumanLoopName.For(Image), "s3://photos/images_for_detection/a b.png", "v1"), (loop.HumanLoopName, loop.ImageUri, loop.VersionId));
        Assert.Equal(["cat", "dog", "None of the Above"], loop.Labels);
        Assert.Equal([new OpenLoopLabel("cat", 41.7)], loop.Prediction);
        Assert.Equal(HumanLoopStatus.InProgress, await review.StatusAsync(loop.HumanLoopName, default));
    }

    [Fact]
    public async Task The_same_name_twice_is_already_started_and_the_first_request_stays()
    {
        await review.StartAsync(Request("cat", "dog"), default);

        var again = await review.StartAsync(Request("other"), default);

        Assert.Equal(ReviewStart.AlreadyStarted, again);
        Assert.Equal(["cat", "dog"], Assert.Single(review.OpenLoops()).Labels);
    }

    [Fact]
    public async Task Concurrent_starts_of_one_name_start_it_once()
    {
        var other = new LocalHumanReview(folder["reviews"]);

        var results = await Task.WhenAll(Enumerable.Range(0, 24).Select(i => Task.Run(() => (i % 2 == 0 ? review : other).StartAsync(Request("cat"), default))));

        Assert.Single(results, r => r == ReviewStart.Started);
        Assert.Single(review.OpenLoops());
    }

    [Fact]
    public async Task An_unknown_loop_has_no_status()
    {
        Assert.Null(await review.StatusAsync("never-started", default));
    }

    [Theory]
    [InlineData("Upper-Case")]
    [InlineData("../escape")]
    [InlineData("-leading")]
    public async Task A_name_a2i_would_refuse_is_invalid(string name)
    {
        var error = await Assert.ThrowsAsync<PortException>(() => review.StartAsync(Request("cat") with { HumanLoopName = name }, default));

        Assert.Equal(PortFailure.Invalid, error.Failure);
        Assert.Empty(review.OpenLoops());
    }

    [Fact]
    public async Task A_loop_offering_no_label_is_invalid()
    {
        var error = await Assert.ThrowsAsync<PortException>(() => review.StartAsync(Request(), default));

        Assert.Equal(PortFailure.Invalid, error.Failure);
    }
}
