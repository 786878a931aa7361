using ContinuousImprovement.Core.Ports;
using ContinuousImprovement.Core.Sampling;
using ContinuousImprovement.Local.Adapters;
using ContinuousImprovement.Workflows.Tests.Twin;

namespace ContinuousImprovement.Workflows.Tests.Adapters;

public sealed class SqliteInferenceLogTests : IDisposable
{
    private static readonly DateTimeOffset At = new(2026, 3, 2, 10, 0, 0, TimeSpan.Zero);
    private static readonly DateOnly Day = new(2026, 3, 2);
    private readonly TempFolder folder = new();
    private readonly SqliteInferenceLog log;

    public SqliteInferenceLogTests() => log = new SqliteInferenceLog(folder["log/inferences.db"]);

    public void Dispose() => folder.Dispose();

    private static InferenceRecord Record(string key, params (string Label, double Confidence)[] labels) =>
        new(key, "arn:model", new Prediction(labels.Select(l => new LabelConfidence(l.Label, l.Confidence)).ToList()), false, [], null, At);

    [Fact]
    public async Task Records_are_numbered_from_one_in_the_order_they_arrive_and_read_back_whole()
    {
        var first = await log.RecordAsync(Record("a.png", ("cat", 97.5), ("dog", double.NaN)), default);
        var second = await log.RecordAsync(Record("b.png"), default);

        var all = await log.AllAsync(default);

        Assert.Equal((1L, 2L), (first, second));
        Assert.Equal([1L, 2L], all.Select(r => r.Sequence));
        // Lists compare by reference inside records, so the reasons are compared on their own.
        Assert.Equal(Record("a.png", ("cat", 97.5), ("dog", double.NaN)) with { Reasons = all[0].Record.Reasons }, all[0].Record);
        Assert.Empty(all[0].Record.Reasons);
        Assert.Equal(Prediction.Empty, all[1].Record.Prediction);
    }

    [Fact]
    public async Task A_decision_is_added_to_its_record_and_written_again_replaces_it()
    {
        var sequence = await log.RecordAsync(Record("a.png", ("cat", 40)), default);

        await log.RecordDecisionAsync(sequence, true, ["first"], "loop-1", default);
        await log.RecordDecisionAsync(sequence, true, ["below-threshold: 40 < 70"], "loop-1", default);
        var missing = await Assert.ThrowsAsync<PortException>(() => log.RecordDecisionAsync(99, false, [], null, default));

        var record = Assert.Single(await log.AllAsync(default)).Record;
        Assert.Equal((true, "loop-1"), (record.SentToHuman, record.HumanLoopName));
        Assert.Equal(["below-threshold: 40 < 70"], record.Reasons);
        Assert.Equal(PortFailure.NotFound, missing.Failure);
    }

    [Fact]
    public async Task A_human_label_goes_to_the_images_newest_record()
    {
        await log.RecordAsync(Record("a.png", ("cat", 40)), default);
        await log.RecordAsync(Record("a.png", ("cat", 45)), default);

        await log.RecordHumanLabelAsync("a.png", "dog", default);
        var unknown = await Assert.ThrowsAsync<PortException>(() => log.RecordHumanLabelAsync("nobody.png", "dog", default));

        Assert.Equal([null, "dog"], (await log.AllAsync(default)).Select(r => r.Record.HumanLabel));
        Assert.Equal(PortFailure.NotFound, unknown.Failure);
    }

    [Fact]
    public async Task Reservations_stop_at_the_cap_and_start_again_on_the_next_utc_day()
    {
        var today = new[] { await log.TryReserveHumanLoopAsync(Day, 2, default), await log.TryReserveHumanLoopAsync(Day, 2, default), await log.TryReserveHumanLoopAsync(Day, 2, default) };
        var tomorrow = await log.TryReserveHumanLoopAsync(Day.AddDays(1), 2, default);

        Assert.Equal([true, true, false], today);
        Assert.True(tomorrow);
        Assert.Equal((2, 1), (await log.HumanLoopsOnAsync(Day, default), await log.HumanLoopsOnAsync(Day.AddDays(1), default)));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-3)]
    public async Task A_cap_of_zero_or_less_reserves_nothing(int cap)
    {
        Assert.False(await log.TryReserveHumanLoopAsync(Day, cap, default));
        Assert.Equal(0, await log.HumanLoopsOnAsync(Day, default));
    }

    [Fact]
    public async Task Concurrent_reservations_from_two_logs_on_one_file_never_pass_the_cap()
    {
        var other = new SqliteInferenceLog(folder["log/inferences.db"]);

        var results = await Task.WhenAll(Enumerable.Range(0, 60).Select(i => Task.Run(() => (i % 2 == 0 ? log : other).TryReserveHumanLoopAsync(Day, 7, default))));

        Assert.Equal(7, results.Count(r => r));
        Assert.Equal(7, await log.HumanLoopsOnAsync(Day, default));
    }

    [Fact]
    public async Task Retraining_candidates_are_human_disagreements_and_low_confidence_predictions_newest_first()
    {
        await log.RecordAsync(Record("confident-agreed.png", ("cat", 99)), default);
        await log.RecordHumanLabelAsync("confident-agreed.png", "cat", default);
        await log.RecordAsync(Record("confident-wrong.png", ("cat", 99)), default);
        await log.RecordHumanLabelAsync("confident-wrong.png", "dog", default);
        await log.RecordAsync(Record("unsure.png", ("cat", 55)), default);
        await log.RecordAsync(Record("nothing.png"), default);
        await log.RecordAsync(Record("confident.png", ("cat", 90)), default);

        var candidates = await log.RetrainingCandidatesAsync(70, 10, default);
        var limited = await log.RetrainingCandidatesAsync(70, 1, default);

        Assert.Equal(["nothing.png", "unsure.png", "confident-wrong.png"], candidates.Select(c => c.ImageKey));
        Assert.Equal(["nothing.png"], limited.Select(c => c.ImageKey));
    }
}
