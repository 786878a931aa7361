using ContinuousImprovement.Core.Review;

namespace ContinuousImprovement.Local.Portal.Tests;

public sealed class SimulatedWorkforceTests : IAsyncLifetime, IDisposable
{
    private static readonly string[] Labels = ["coat", "shirt", "sneaker"];
    private static readonly string[] NotCoat = ["shirt", "sneaker"];

    private PortalHarness harness = null!;
    private LoopAnswering answering = null!;

    public async Task InitializeAsync()
    {
        harness = await PortalHarness.StartAsync();
        answering = new LoopAnswering(harness.Reviews, harness.Objects, PortalHarness.Bucket, PortalHarness.Flow);
    }

    public async Task DisposeAsync() => await harness.DisposeAsync();

    public void Dispose() => answering.Dispose();

    [Fact]
    public async Task Without_mistakes_every_due_loop_is_answered_with_its_true_label_in_A2I_output()
    {
        var first = await harness.OpenLoopAsync("coat-1.png", Labels);
        var second = await harness.OpenLoopAsync("sneaker-2.png", Labels);
        var workforce = Workforce(new WorkforceOptions());

        var round = await workforce.AnswerDueAsync(harness.Time.GetUtcNow(), default);

        Assert.Equal(new WorkforceRound(2, 0, 0), round);
        Assert.Empty(harness.Reviews.OpenLoops());
        var outputs = await harness.OutputsAsync();
        Assert.Equal(["coat", "sneaker"], outputs.Select(o => PickedLabel(o.Json)).Order());
        Assert.Contains(outputs, o => o.Key.Contains(first, StringComparison.Ordinal));
        Assert.Contains(outputs, o => o.Key.Contains(second, StringComparison.Ordinal));
    }

    [Fact]
    public async Task With_an_error_rate_of_one_every_answer_is_another_offered_label()
    {
        for (var i = 0; i < 6; i++)
        {
            await harness.OpenLoopAsync($"coat-{i}.png", Labels);
        }

        var round = await Workforce(new WorkforceOptions(ErrorRate: 1.0)).AnswerDueAsync(harness.Time.GetUtcNow(), default);

        Assert.Equal(6, round.Mistaken);
        Assert.All(await harness.OutputsAsync(), o => Assert.Contains(PickedLabel(o.Json), NotCoat));
    }

    [Fact]
    public async Task A_loop_younger_than_the_delay_waits_for_a_later_round()
    {
        await harness.OpenLoopAsync("coat-1.png", Labels);
        var workforce = Workforce(new WorkforceOptions(Delay: TimeSpan.FromMinutes(10)));

        var early = await workforce.AnswerDueAsync(harness.Time.GetUtcNow().AddMinutes(9), default);
        var due = await workforce.AnswerDueAsync(harness.Time.GetUtcNow().AddMinutes(10), default);

        Assert.Equal(0, early.Answered);
        Assert.Equal(1, due.Answered);
    }

    [Fact]
    public async Task A_loop_whose_true_label_is_not_offered_stays_open()
    {
        await harness.OpenLoopAsync("bag-1.png", Labels);

        var round = await Workforce(new WorkforceOptions()).AnswerDueAsync(harness.Time.GetUtcNow(), default);

        Assert.Equal(new WorkforceRound(0, 0, 1), round);
        Assert.Single(harness.Reviews.OpenLoops());
    }

    [Theory]
    [InlineData(-0.1)]
    [InlineData(1.5)]
    public void An_error_rate_outside_zero_to_one_is_refused(double rate) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new WorkforceOptions(ErrorRate: rate));

    // The file name starts with the true label, as the demo names its uploads.
    private SimulatedWorkforce Workforce(WorkforceOptions options) =>
        new(answering, harness.Reviews, loop => Path.GetFileName(loop.Key).Split('-')[0], options);

    private static string PickedLabel(string outputJson) =>
        Assert.Single(ReviewOutputParser.Parse(outputJson).Value!.Answers).Labels.Single();
}
