using System.Globalization;
using System.Text.Json.Nodes;

using ContinuousImprovement.Asl.Runtime;
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
    private readonly VirtualClock clock = new(new DateTimeOffset(2026, 5, 4, 10, 0, 0, TimeSpan.Zero));
    private readonly LocalHumanReview review;

    public LocalHumanReviewTests() => review = new LocalHumanReview(folder["reviews"], new ClockTimeProvider(clock));

    public void Dispose() => folder.Dispose();

    private static string Name => HumanLoopName.For(Image);

    private static ReviewRequest Request(params string[] labels) =>
        new(HumanLoopName.For(Image), Image, labels, new Prediction([new LabelConfidence("cat", 41.7)]), ["below-threshold: top confidence 41.7 < 70 (cat)"]);

    private LoopAnswer Answer(string label) =>
        new(clock.Now, "photos", $"review_output/flow/{Name}/output.json", $$"""{"label":"{{label}}"}""");

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
    public async Task The_open_loop_keeps_the_input_content_a2i_would_get()
    {
        await review.StartAsync(Request("cat", "dog"), default);

        var loop = review.FindOpenLoop(Name);

        Assert.Equal(ReviewTaskInput.ToJson(Request("cat", "dog")), loop!.InputContent);
        Assert.Equal(Name, loop.HumanLoopName);
        Assert.Null(review.FindOpenLoop("never-started"));
    }

    [Fact]
    public async Task Completing_an_open_loop_closes_it_keeps_the_answer_and_reports_completed()
    {
        await review.StartAsync(Request("cat", "dog"), default);

        var result = review.TryComplete(Name, Answer("dog"));

        Assert.Equal(LoopCompletion.Completed, result);
        Assert.Empty(review.OpenLoops());
        Assert.Null(review.FindOpenLoop(Name));
        Assert.Equal(HumanLoopStatus.Completed, await review.StatusAsync(Name, default));
        var done = review.FindCompletedLoop(Name);
        Assert.Equal((Answer("dog"), (DateTimeOffset?)null, "cat,dog"), (done!.Answer, done.PublishedAt, string.Join(',', done.Loop.Labels)));
        Assert.Equal([Name], review.UnpublishedLoops().Select(l => l.Loop.HumanLoopName));
    }

    [Fact]
    public async Task A_second_completion_is_refused_and_the_first_answer_stays()
    {
        await review.StartAsync(Request("cat", "dog"), default);
        review.TryComplete(Name, Answer("dog"));

        var again = review.TryComplete(Name, Answer("cat"));

        Assert.Equal(LoopCompletion.AlreadyCompleted, again);
        Assert.Equal(Answer("dog"), review.FindCompletedLoop(Name)!.Answer);
    }

    [Fact]
    public void Completing_a_loop_never_started_is_not_found()
    {
        Assert.Equal(LoopCompletion.NotFound, review.TryComplete("never-started", Answer("cat")));
        Assert.Null(review.FindCompletedLoop("never-started"));
    }

    [Fact]
    public async Task Of_concurrent_completions_from_two_instances_exactly_one_wins_and_its_answer_is_kept()
    {
        for (var round = 0; round < 20; round++)
        {
            using var roundFolder = new TempFolder();
            var first = new LocalHumanReview(roundFolder["reviews"]);
            var second = new LocalHumanReview(roundFolder["reviews"]);
            await first.StartAsync(Request("cat", "dog"), default);

            var results = await Task.WhenAll(Enumerable.Range(0, 8).Select(i => Task.Run(() =>
                (Label: i.ToString(CultureInfo.InvariantCulture), Result: (i % 2 == 0 ? first : second).TryComplete(Name, Answer(i.ToString(CultureInfo.InvariantCulture)))))));

            var winner = Assert.Single(results, r => r.Result == LoopCompletion.Completed);
            Assert.All(results.Where(r => r != winner), r => Assert.Equal(LoopCompletion.AlreadyCompleted, r.Result));
            Assert.Equal(Answer(winner.Label).Output, first.FindCompletedLoop(Name)!.Answer.Output);
            Assert.Empty(second.OpenLoops());
        }
    }

    [Fact]
    public async Task A_completed_loop_name_cannot_be_started_again()
    {
        await review.StartAsync(Request("cat", "dog"), default);
        review.TryComplete(Name, Answer("dog"));

        var again = await review.StartAsync(Request("cat", "dog"), default);

        Assert.Equal(ReviewStart.AlreadyStarted, again);
        Assert.Empty(review.OpenLoops());
        Assert.Equal(HumanLoopStatus.Completed, await review.StatusAsync(Name, default));
    }

    [Fact]
    public async Task Marking_published_records_the_time_and_leaves_nothing_to_retry()
    {
        await review.StartAsync(Request("cat", "dog"), default);
        var answer = Answer("dog");
        review.TryComplete(Name, answer);
        clock.Advance(TimeSpan.FromSeconds(3));

        review.MarkPublished(Name);

        Assert.Empty(review.UnpublishedLoops());
        Assert.Equal(clock.Now, review.FindCompletedLoop(Name)!.PublishedAt);
        Assert.Equal(answer, review.FindCompletedLoop(Name)!.Answer);
    }

    [Fact]
    public async Task An_open_file_left_beside_a_completed_loop_is_not_listed_and_is_removed()
    {
        await review.StartAsync(Request("cat", "dog"), default);
        var openFile = Path.Combine(folder["reviews"], "open", Name + ".json");
        var openJson = File.ReadAllBytes(openFile);
        review.TryComplete(Name, Answer("dog"));
        File.WriteAllBytes(openFile, openJson); // as if the completion stopped before removing it

        Assert.Empty(review.OpenLoops());
        Assert.False(File.Exists(openFile));
        Assert.Equal(LoopCompletion.AlreadyCompleted, review.TryComplete(Name, Answer("cat")));
    }

    [Fact]
    public async Task A_loop_opened_before_the_input_was_stored_gets_the_same_input_rebuilt()
    {
        await review.StartAsync(Request("cat", "dog"), default);
        var openFile = Path.Combine(folder["reviews"], "open", Name + ".json");
        var old = JsonNode.Parse(File.ReadAllText(openFile))!.AsObject();
        old.Remove("inputContent");
        File.WriteAllText(openFile, old.ToJsonString());

        Assert.Equal(ReviewTaskInput.ToJson(Request("cat", "dog")), review.FindOpenLoop(Name)!.InputContent);
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
